# label: leakage/none
"""Needle-break alerting for circular knitting machines.

Each row summarises one machine-shift: spindle speed, yarn tension, lint
counts, stop events and maintenance age. Target: a needle break was logged
by the operator during the shift.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split

FEATURES = [
    "rpm_mean", "rpm_std", "yarn_tension_mean", "yarn_tension_p95",
    "lint_count", "stop_events", "hours_since_oiling", "needle_set_age_days",
    "ambient_humidity", "gauge", "feeder_count",
]
TARGET = "needle_break"


def load_shifts(path):
    df = pd.read_csv(path, parse_dates=["shift_start"])
    df = df.dropna(subset=[TARGET])
    df["tension_spread"] = df["yarn_tension_p95"] - df["yarn_tension_mean"]
    df["stops_per_hour"] = df["stop_events"] / df["shift_hours"].clip(lower=1)
    df["night_shift"] = df["shift_start"].dt.hour.between(22, 23) | (df["shift_start"].dt.hour < 6)
    df["night_shift"] = df["night_shift"].astype(int)
    return df


def best_threshold(y_true, scores):
    grid = np.linspace(0.05, 0.95, 91)
    f1s = [f1_score(y_true, (scores >= t).astype(int), zero_division=0) for t in grid]
    return float(grid[int(np.argmax(f1s))])


def build_model(pos_weight):
    return xgb.XGBClassifier(
        n_estimators=400,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        n_jobs=4,
        random_state=11,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/knitting_shifts.csv")
    parser.add_argument("--out", default="reports/needle_break.json")
    args = parser.parse_args()

    df = load_shifts(args.data)
    cols = FEATURES + ["tension_spread", "stops_per_hour", "night_shift"]
    X, y = df[cols], df[TARGET].astype(int)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=11
    )
    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)

    model = build_model(pos_weight)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=11)
    oof_scores = cross_val_predict(model, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    threshold = best_threshold(y_train, oof_scores)
    model.fit(X_train, y_train)

    test_scores = model.predict_proba(X_test)[:, 1]
    preds = (test_scores >= threshold).astype(int)

    report = {
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
        "threshold": threshold,
        "roc_auc": float(roc_auc_score(y_test, test_scores)),
        "f1": float(f1_score(y_test, preds)),
        "precision": float(precision_score(y_test, preds, zero_division=0)),
        "recall": float(recall_score(y_test, preds)),
        "alerts_per_100_shifts": float(100 * preds.mean()),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))
    for key, value in report.items():
        print(f"{key:>22}: {value}")


if __name__ == "__main__":
    main()
