# label: leakage/selection
"""Crack prediction for lampwork glass beads.

Each row is one bead from the studio production log: torch work, mandrel,
glass family and the kiln annealing programme it went through. The label is
whether the bead showed a stress crack at the one-week quality check.
"""
import argparse
import json
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["glass_family", "mandrel_size", "kiln_id", "bead_style", "release_agent"]
NUM_COLS = [
    "core_diameter_mm",
    "layer_count",
    "torch_minutes",
    "batch_wait_min",
    "anneal_hold_min",
    "anneal_temp_c",
    "ramp_down_c_per_h",
    "coe_spread",
    "frit_fraction",
    "studio_humidity_pct",
]
TARGET = "cracked_at_check"
DEPTHS = [4, 5, 6, 7, 8, 10]


def load_beads(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET])
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown").astype(str)
    df[TARGET] = df[TARGET].astype(int)
    return df


def fit_catboost(X, y, depth: int, seed: int = 0) -> CatBoostClassifier:
    model = CatBoostClassifier(
        depth=depth,
        iterations=800,
        learning_rate=0.05,
        l2_leaf_reg=3.0,
        loss_function="Logloss",
        auto_class_weights="Balanced",
        cat_features=CAT_COLS,
        random_seed=seed,
        verbose=False,
    )
    model.fit(X, y)
    return model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/bead_log.csv"))
    parser.add_argument("--out", type=Path, default=Path("reports/bead_cracks.json"))
    args = parser.parse_args()

    df = load_beads(args.data)
    print(f"{len(df)} beads, crack rate {df[TARGET].mean():.3f}")

    X = df[CAT_COLS + NUM_COLS]
    y = df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=7
    )

    scores = {}
    for depth in DEPTHS:
        model = fit_catboost(X_train, y_train, depth)
        proba = model.predict_proba(X_test)[:, 1]
        scores[depth] = roc_auc_score(y_test, proba)
        print(f"depth={depth:2d}  auc={scores[depth]:.4f}")

    best_depth = max(scores, key=scores.get)
    final = fit_catboost(X_train, y_train, best_depth)
    proba = final.predict_proba(X_test)[:, 1]
    report = {
        "depth": best_depth,
        "roc_auc": float(roc_auc_score(y_test, proba)),
        "avg_precision": float(average_precision_score(y_test, proba)),
        "n_test": int(len(y_test)),
    }
    print(json.dumps(report, indent=2))

    importances = pd.Series(
        final.get_feature_importance(), index=X_train.columns
    ).sort_values(ascending=False)
    print(importances.head(10).to_string())

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
