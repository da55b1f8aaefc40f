# label: leakage/selection
"""Seal-failure model for water-soluble detergent pods.

Each row is one sampled production lot from the pouch line QA log. The target
is whether the lot failed the burst / seal-integrity check at release.
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = [
    "film_thickness_um",
    "film_moisture_pct",
    "seal_temp_c",
    "dwell_ms",
    "vacuum_kpa",
    "line_speed_ppm",
    "ambient_rh_pct",
    "fill_weight_g",
    "liquid_viscosity_cp",
    "die_wear_cycles",
    "shift",
    "film_supplier",
]
CATEGORICAL = ["shift", "film_supplier"]
TARGET = "seal_fail"


def load_lots(path: Path) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df.dropna(subset=[TARGET])
    df = df[df["fill_weight_g"].between(10, 40)]
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    # die wear is logged as a running counter; a reset means a new die set
    df["die_wear_cycles"] = df["die_wear_cycles"].clip(lower=0)
    return df


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/pod_line_qa_lots.parquet"))
    parser.add_argument("--out", type=Path, default=Path("reports/seal_model.json"))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    lots = load_lots(args.data)
    X = lots[FEATURES]
    y = lots[TARGET].astype(int)
    print(f"{len(lots):,} lots, failure rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed
    )

    params = {
        "objective": "binary",
        "metric": "auc",
        "learning_rate": 0.03,
        "num_leaves": 31,
        "min_data_in_leaf": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "scale_pos_weight": float((y_train == 0).sum() / max((y_train == 1).sum(), 1)),
        "verbose": -1,
        "seed": args.seed,
    }

    dtrain = lgb.Dataset(X_train, y_train, categorical_feature=CATEGORICAL)
    dvalid = lgb.Dataset(X_test, y_test, categorical_feature=CATEGORICAL, reference=dtrain)
    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=4000,
        valid_sets=[dvalid],
        valid_names=["valid"],
        callbacks=[lgb.early_stopping(stopping_rounds=150), lgb.log_evaluation(250)],
    )

    proba = booster.predict(X_test, num_iteration=booster.best_iteration)
    auc = roc_auc_score(y_test, proba)
    ap = average_precision_score(y_test, proba)
    print(f"best iteration: {booster.best_iteration}")
    print(f"test ROC AUC: {auc:.4f}   test PR AUC: {ap:.4f}")

    gain = pd.Series(
        booster.feature_importance(importance_type="gain"), index=FEATURES
    ).sort_values(ascending=False)
    print(gain.round(1).to_string())

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "best_iteration": int(booster.best_iteration),
                "test_roc_auc": float(np.round(auc, 4)),
                "test_pr_auc": float(np.round(ap, 4)),
                "n_train": int(len(X_train)),
                "n_test": int(len(X_test)),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
