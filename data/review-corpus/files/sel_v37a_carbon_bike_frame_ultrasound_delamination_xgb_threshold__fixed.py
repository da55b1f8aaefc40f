# label: leakage/none
"""Delamination screening for carbon road frames from ultrasound scan summaries.

Each row is one frame scanned at end of line. The QA team wants a single
probability cut-off for sending frames to the manual tap-test bench.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

SCAN_FILE = "data/frame_ultrasound_scans.csv"
REPORT_FILE = "reports/delamination_screen.json"

FEATURES = [
    "layup_plies",
    "tube_wall_mm",
    "cure_temp_c",
    "cure_minutes",
    "resin_viscosity_pas",
    "echo_amp_mean",
    "echo_amp_std",
    "tof_shift_us",
    "backwall_loss_db",
    "bb_shell_echo_db",
    "headtube_echo_db",
    "dropout_echo_db",
    "mould_cycles",
]
TARGET = "delaminated"


def load_scans(path):
    df = pd.read_csv(path, parse_dates=["scan_date", "mould_install_date"])
    df = df.dropna(subset=[TARGET])
    df["mould_age_days"] = (df["scan_date"] - df["mould_install_date"]).dt.days
    df["echo_cv"] = df["echo_amp_std"] / df["echo_amp_mean"].clip(lower=1e-3)
    return df


def build_model(y_fit):
    pos_weight = (y_fit == 0).sum() / max((y_fit == 1).sum(), 1)
    return xgb.XGBClassifier(
        n_estimators=600,
        max_depth=4,
        learning_rate=0.04,
        subsample=0.85,
        colsample_bytree=0.8,
        min_child_weight=3,
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        random_state=11,
    )


def main():
    df = load_scans(SCAN_FILE)
    cols = FEATURES + ["mould_age_days", "echo_cv"]
    X = df[cols]
    y = df[TARGET].astype(int)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=11
    )

    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=11
    )
    model = build_model(y_fit)
    model.fit(X_fit, y_fit)

    val_proba = model.predict_proba(X_val)[:, 1]
    thresholds = np.linspace(0.05, 0.95, 91)
    f1s = [f1_score(y_val, (val_proba >= t).astype(int)) for t in thresholds]
    cutoff = float(thresholds[int(np.argmax(f1s))])

    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= cutoff).astype(int)
    report = {
        "cutoff": round(cutoff, 3),
        "roc_auc": round(roc_auc_score(y_test, proba), 4),
        "f1": round(f1_score(y_test, pred), 4),
        "precision": round(precision_score(y_test, pred), 4),
        "recall": round(recall_score(y_test, pred), 4),
        "frames_flagged_pct": round(100 * pred.mean(), 2),
    }
    for k, v in report.items():
        print(f"{k:>20}: {v}")

    with open(REPORT_FILE, "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
