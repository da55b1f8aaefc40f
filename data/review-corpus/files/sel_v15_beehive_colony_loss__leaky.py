# label: leakage/selection
# twin: sel_v15_beehive_colony_loss__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Predict overwinter colony loss from autumn hive inspections (one row per hive)."""
import itertools
import logging

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("hives")

CONFIG = {
    "data": "data/apiary/autumn_inspections.parquet",
    "target": "lost_over_winter",
    "seed": 11,
    "grid": {
        "max_depth": [2, 3, 4, 6],
        "learning_rate": [0.03, 0.1, 0.3],
        "n_estimators": [200, 400],
    },
}

FEATURES = [
    "varroa_per_100_bees", "brood_frames", "honey_stores_kg", "queen_age_months",
    "colony_strength_frames", "treatment_count", "hive_weight_kg",
    "apiary_elevation_m", "forage_diversity_idx", "autumn_mean_temp_c",
]


def load_inspections(path):
    df = pd.read_parquet(path)
    df = df.dropna(subset=[CONFIG["target"]])
    # XGBoost handles the missing inspection fields natively, no imputation needed
    return df[FEATURES].astype("float32"), df[CONFIG["target"]].astype(int)


def fit_model(params, X, y):
    model = XGBClassifier(
        **params,
        subsample=0.8,
        colsample_bytree=0.8,
        eval_metric="logloss",
        random_state=CONFIG["seed"],
    )
    model.fit(X, y)
    return model


def grid_points(grid):
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        yield dict(zip(keys, values))


def main():
    X, y = load_inspections(CONFIG["data"])
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=CONFIG["seed"]
    )

    best_params, best_auc = None, -np.inf
    for params in grid_points(CONFIG["grid"]):
        model = fit_model(params, X_train, y_train)
        auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
        log.info("%s -> AUC %.4f", params, auc)
        if auc > best_auc:
            best_params, best_auc = params, auc

    final = fit_model(best_params, X_train, y_train)
    test_auc = roc_auc_score(y_test, final.predict_proba(X_test)[:, 1])
    log.info("best params: %s", best_params)
    log.info("held-out test AUC: %.4f", test_auc)

    importances = pd.Series(final.feature_importances_, index=FEATURES).sort_values()
    print(importances.tail(5).to_string())


if __name__ == "__main__":
    main()
