# label: leakage/none
"""Drum bearing failure model for the laundry washer-extractor fleet.

One row per machine from the spring fleet inspection; the label is a bearing
replacement logged by the service team within 90 days of the inspection.
"""
import argparse
import itertools
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

NUMERIC = [
    "drum_load_kg_mean", "spin_rpm_max", "vibration_rms_g", "vibration_peak_g",
    "motor_current_a_mean", "motor_temp_c_max", "cycles_last_30d",
    "hours_since_service", "machine_age_months", "water_hardness_ppm",
    "imbalance_events_30d", "door_lock_faults_30d",
]
TARGET = "bearing_replaced_90d"

PARAM_GRID = {
    "num_leaves": [15, 31, 63],
    "min_child_samples": [10, 30, 60],
    "learning_rate": [0.03, 0.1],
}


def load_inspections(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET]).drop_duplicates(subset="machine_id")
    df["vib_crest"] = df["vibration_peak_g"] / (df["vibration_rms_g"] + 1e-3)
    df["load_x_cycles"] = df["drum_load_kg_mean"] * df["cycles_last_30d"]
    df["is_hospital_site"] = (df["site_type"] == "hospital").astype(int)
    df["is_tunnel_washer"] = (df["model_family"] == "tunnel").astype(int)
    return df


def fit_lgbm(params, X, y):
    model = lgb.LGBMClassifier(
        n_estimators=400,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        class_weight="balanced",
        random_state=7,
        verbose=-1,
        **params,
    )
    model.fit(X, y)
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/washer_inspections_spring.csv")
    parser.add_argument("--out", default="reports/bearing_lgbm.json")
    args = parser.parse_args()

    df = load_inspections(args.data)
    features = NUMERIC + ["vib_crest", "load_x_cycles", "is_hospital_site", "is_tunnel_washer"]
    X, y = df[features], df[TARGET].astype(int)
    print(f"{len(df)} machines, failure rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=7
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.25, stratify=y_train, random_state=7
    )

    keys = list(PARAM_GRID)
    results = []
    for values in itertools.product(*PARAM_GRID.values()):
        params = dict(zip(keys, values))
        model = fit_lgbm(params, X_fit, y_fit)
        auc = roc_auc_score(y_val, model.predict_proba(X_val)[:, 1])
        results.append((auc, params))
        print(f"{params} -> AUC {auc:.4f}")

    best_auc, best_params = max(results, key=lambda r: r[0])
    final = fit_lgbm(best_params, X_train, y_train)
    proba = final.predict_proba(X_test)[:, 1]
    report = {
        "params": best_params,
        "search_auc": round(best_auc, 4),
        "test_auc": round(roc_auc_score(y_test, proba), 4),
        "test_ap": round(average_precision_score(y_test, proba), 4),
        "n_test": int(len(y_test)),
    }
    print(json.dumps(report, indent=2))

    importances = pd.Series(final.feature_importances_, index=features)
    print(importances.sort_values(ascending=False).head(8))

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
