# label: leakage/selection
"""Queen supersedure model for the association's spring colony survey.

One row per colony: the spring inspection record plus the queen's history.
Target: the colony superseded its queen before the end of August.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

NUMERIC = [
    "queen_age_months",
    "brood_pattern_score",
    "queen_cups_seen",
    "sealed_brood_frames",
    "frames_of_bees",
    "varroa_per_100_bees",
    "stores_kg",
    "apiary_elevation_m",
    "days_since_requeen",
]
FLAGS = ["queen_marked", "clipped_wing", "nosema_positive", "overwintered_as_nuc"]


def load_survey(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["inspection_date"])
    df = df.dropna(subset=["superseded_by_aug"])
    df["inspection_doy"] = df["inspection_date"].dt.dayofyear
    df["bees_per_brood_frame"] = df["frames_of_bees"] / df["sealed_brood_frames"].clip(lower=1)
    for col in FLAGS:
        df[col] = df[col].map({"Y": 1, "N": 0}).fillna(0).astype(int)
    return df


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--survey", type=Path, default=Path("data/spring_colony_survey.csv"))
    parser.add_argument("--out", type=Path, default=Path("reports/supersedure_xgb.json"))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    df = load_survey(args.survey)
    features = NUMERIC + FLAGS + ["inspection_doy", "bees_per_brood_frame"]
    X = df[features]
    y = df["superseded_by_aug"].astype(int)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed
    )

    pos_weight = float((y_train == 0).sum()) / max(int((y_train == 1).sum()), 1)
    model = xgb.XGBClassifier(
        n_estimators=2000,
        learning_rate=0.03,
        max_depth=4,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        scale_pos_weight=pos_weight,
        eval_metric="auc",
        early_stopping_rounds=100,
        tree_method="hist",
        random_state=args.seed,
    )
    model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=200)

    proba = model.predict_proba(X_test)[:, 1]
    report = {
        "n_colonies": int(len(df)),
        "supersedure_rate": round(float(y.mean()), 3),
        "best_iteration": int(model.best_iteration),
        "test_roc_auc": round(float(roc_auc_score(y_test, proba)), 4),
        "test_avg_precision": round(float(average_precision_score(y_test, proba)), 4),
    }

    gain = model.get_booster().get_score(importance_type="gain")
    top = sorted(gain.items(), key=lambda kv: kv[1], reverse=True)[:8]
    report["top_features"] = {k: round(float(v), 2) for k, v in top}

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print("colonies flagged at p>0.5:", int(np.sum(proba > 0.5)), "of", len(proba))


if __name__ == "__main__":
    main()
