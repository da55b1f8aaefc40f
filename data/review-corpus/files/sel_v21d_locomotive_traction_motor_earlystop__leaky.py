# label: leakage/selection
"""Predict traction-motor failure within the next service interval for a diesel locomotive fleet."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

CONFIG = {
    "data": "data/locomotive_service_log.parquet",
    "target": "motor_failed_next_interval",
    "test_size": 0.2,
    "seed": 11,
    "params": {
        "objective": "binary",
        "learning_rate": 0.03,
        "num_leaves": 48,
        "min_child_samples": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "verbose": -1,
    },
}

NUMERIC = [
    "km_since_overhaul",
    "avg_notch_position",
    "max_winding_temp_c",
    "mean_winding_temp_c",
    "vibration_rms",
    "insulation_resistance_mohm",
    "traction_current_peak_a",
    "ambient_temp_c",
    "gradient_share_over_1pct",
    "age_years",
]
CATEGORICAL = ["model_family", "depot", "duty_type"]


def load_frame(path):
    df = pd.read_parquet(path)
    df = df.dropna(subset=[CONFIG["target"]])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    df["temp_spread_c"] = df["max_winding_temp_c"] - df["mean_winding_temp_c"]
    df["km_per_year"] = df["km_since_overhaul"] / df["age_years"].clip(lower=0.5)
    return df


def summarize(y_true, proba):
    return {
        "roc_auc": round(roc_auc_score(y_true, proba), 4),
        "avg_precision": round(average_precision_score(y_true, proba), 4),
        "positive_rate": round(float(np.mean(y_true)), 4),
    }


df = load_frame(CONFIG["data"])
features = NUMERIC + CATEGORICAL + ["temp_spread_c", "km_per_year"]
X = df[features]
y = df[CONFIG["target"]].astype(int)
print(f"{len(df)} service records, failure rate {y.mean():.3%}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=CONFIG["test_size"], stratify=y, random_state=CONFIG["seed"]
)

train_set = lgb.Dataset(X_train, label=y_train, categorical_feature=CATEGORICAL)
holdout_set = lgb.Dataset(X_test, label=y_test, reference=train_set)

booster = lgb.train(
    CONFIG["params"],
    train_set,
    num_boost_round=3000,
    valid_sets=[holdout_set],
    valid_names=["holdout"],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)
print("best iteration:", booster.best_iteration)

test_proba = booster.predict(X_test, num_iteration=booster.best_iteration)
metrics = summarize(y_test, test_proba)
print(json.dumps(metrics, indent=2))

importance = pd.Series(
    booster.feature_importance(importance_type="gain"), index=booster.feature_name()
).sort_values(ascending=False)
print(importance.head(10))

with open("reports/locomotive_motor_metrics.json", "w") as fh:
    json.dump({"best_iteration": booster.best_iteration, **metrics}, fh, indent=2)
