# label: leakage/none
"""Daily gearbox condition classifier for the ropeway drive stations.

One row per drive station per day with the vibration / oil summary of that day and the
inspection outcome recorded by the maintenance crew.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, average_precision_score, f1_score

CFG = {
    "path": "data/ropeway_drive_daily.parquet",
    "target": "gearbox_defect",
    "test_from": "2023-07-01",
    "valid_from": "2023-03-01",
    "params": {
        "objective": "binary",
        "learning_rate": 0.03,
        "num_leaves": 31,
        "min_child_samples": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "verbose": -1,
    },
    "max_rounds": 3000,
}

SENSOR_COLS = ["rms_x", "rms_y", "rms_z", "kurtosis_z", "crest_factor",
               "oil_temp_c", "oil_particles_ppm", "motor_current_a", "line_speed_ms"]


def load(path):
    df = pd.read_parquet(path)
    df["date"] = pd.to_datetime(df["date"])
    return df.sort_values(["station_id", "date"]).reset_index(drop=True)


def build_features(df):
    out = df[SENSOR_COLS].copy()
    out["rms_total"] = np.sqrt(df["rms_x"] ** 2 + df["rms_y"] ** 2 + df["rms_z"] ** 2)
    out["current_per_speed"] = df["motor_current_a"] / df["line_speed_ms"].clip(lower=0.1)
    out["ambient_delta"] = df["oil_temp_c"] - df["ambient_temp_c"]
    out["is_winter"] = df["date"].dt.month.isin([12, 1, 2, 3]).astype(int)
    out["station"] = df["station_id"].astype("category")
    return out


df = load(CFG["path"])
X = build_features(df)
y = df[CFG["target"]].astype(int)

test_mask = df["date"] >= CFG["test_from"]
valid_mask = (df["date"] >= CFG["valid_from"]) & ~test_mask
fit_mask = ~test_mask & ~valid_mask

X_fit, y_fit = X[fit_mask], y[fit_mask]
X_valid, y_valid = X[valid_mask], y[valid_mask]
X_test, y_test = X[test_mask], y[test_mask]
print(f"fit={len(X_fit)} valid={len(X_valid)} test={len(X_test)} "
      f"pos rate fit={y_fit.mean():.3f} test={y_test.mean():.3f}")

dtrain = lgb.Dataset(X_fit, label=y_fit, categorical_feature=["station"])
dvalid = lgb.Dataset(X_valid, label=y_valid, reference=dtrain)

booster = lgb.train(
    CFG["params"],
    dtrain,
    num_boost_round=CFG["max_rounds"],
    valid_sets=[dvalid],
    valid_names=["valid"],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)
print("best iteration:", booster.best_iteration)

proba = booster.predict(X_test, num_iteration=booster.best_iteration)
print(f"test ROC AUC : {roc_auc_score(y_test, proba):.4f}")
print(f"test PR AUC  : {average_precision_score(y_test, proba):.4f}")
print(f"test F1@0.5  : {f1_score(y_test, (proba >= 0.5).astype(int)):.4f}")

imp = pd.Series(booster.feature_importance("gain"), index=X.columns).sort_values()
imp.plot.barh(figsize=(6, 5), title="gain importance")
plt.tight_layout()
plt.savefig("ropeway_importance.png", dpi=120)
