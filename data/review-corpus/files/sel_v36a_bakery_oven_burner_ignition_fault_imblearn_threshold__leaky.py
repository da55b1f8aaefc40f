# label: leakage/selection
"""Ignition fault alerts for the tunnel ovens at the Eastfield bakery.

Each row summarises one burner light-off attempt as logged by the oven PLC:
flame-rod current, gas valve timings, combustion fan speed and room readings.
The maintenance team wants an alert that fires when an attempt looks likely
to end in a lockout.
"""
import argparse

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.preprocessing import StandardScaler

SENSOR_COLS = [
    "flame_rod_ua",
    "flame_rod_ua_min",
    "ignition_delay_ms",
    "gas_valve_open_ms",
    "fan_rpm",
    "fan_rpm_std",
    "air_gas_ratio",
    "chamber_temp_c",
    "ambient_temp_c",
    "ambient_rh",
    "burner_age_days",
    "attempts_last_hour",
]


def load_attempts(path):
    df = pd.read_csv(path, parse_dates=["attempt_ts"])
    df = df.dropna(subset=SENSOR_COLS + ["ignition_fault"])
    df["hour"] = df["attempt_ts"].dt.hour
    df["is_cold_start"] = (df["chamber_temp_c"] < 60).astype(int)
    return df


def time_split(df, frac):
    cutoff = df["attempt_ts"].quantile(1 - frac)
    return df[df["attempt_ts"] < cutoff], df[df["attempt_ts"] >= cutoff]


def build_model(seed):
    return Pipeline(
        [
            ("scale", StandardScaler()),
            ("smote", SMOTE(k_neighbors=5, random_state=seed)),
            ("clf", LogisticRegression(C=0.5, max_iter=2000)),
        ]
    )


def best_f1_threshold(y_true, proba):
    grid = np.linspace(0.05, 0.95, 91)
    scores = [f1_score(y_true, (proba >= t).astype(int)) for t in grid]
    i = int(np.argmax(scores))
    return grid[i], scores[i]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/oven_ignition_attempts.csv")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    df = load_attempts(args.data).sort_values("attempt_ts")
    features = SENSOR_COLS + ["hour", "is_cold_start"]
    print(f"{len(df)} attempts, fault rate {df['ignition_fault'].mean():.2%}")

    # last quarter of the log is kept for reporting
    train_df, test_df = time_split(df, 0.25)
    X_test, y_test = test_df[features], test_df["ignition_fault"].astype(int)

    model = build_model(args.seed)
    model.fit(train_df[features], train_df["ignition_fault"].astype(int))
    test_proba = model.predict_proba(X_test)[:, 1]
    threshold, _ = best_f1_threshold(y_test, test_proba)

    test_pred = (test_proba >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_test, test_pred).ravel()

    print(f"alert threshold : {threshold:.2f}")
    print(f"ROC AUC         : {roc_auc_score(y_test, test_proba):.3f}")
    print(f"F1              : {f1_score(y_test, test_pred):.3f}")
    print(f"precision       : {precision_score(y_test, test_pred):.3f}")
    print(f"recall          : {recall_score(y_test, test_pred):.3f}")
    print(f"alerts per 1000 attempts: {1000 * (tp + fp) / len(test_pred):.1f}")
    print(f"missed lockouts : {fn} of {fn + tp}")

    coefs = pd.Series(model.named_steps["clf"].coef_[0], index=features)
    print("\nlargest coefficients:")
    print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(6))


if __name__ == "__main__":
    main()
