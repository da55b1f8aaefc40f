# label: leakage/none
"""Predict whether an overnight trap set by a cat trap-neuter-return team catches an unneutered cat."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.neighbors import KernelDensity

EARTH_RADIUS_KM = 6371.0


class LocationDensity:
    """Haversine kernel density of trap locations, used as a 'how busy is this area' feature."""

    def __init__(self, bandwidth_km=0.4):
        self.kde = KernelDensity(bandwidth=bandwidth_km / EARTH_RADIUS_KM, metric="haversine")

    def fit(self, frame):
        self.kde.fit(np.radians(frame[["lat", "lon"]].to_numpy()))
        return self

    def transform(self, frame):
        return self.kde.score_samples(np.radians(frame[["lat", "lon"]].to_numpy()))


traps = pd.read_csv("tnr_trap_sets.csv", parse_dates=["set_at"])
traps = traps.dropna(subset=["lat", "lon", "caught_unneutered"])
traps["hour_set"] = traps["set_at"].dt.hour
traps["month"] = traps["set_at"].dt.month
traps["is_drop_trap"] = (traps["trap_type"] == "drop").astype(int)
traps["bait_code"] = traps["bait"].map({"sardine": 0, "chicken": 1, "kibble": 2, "catnip": 3}).fillna(4)
traps["feeder_present"] = traps["feeder_present"].fillna(0).astype(int)

FEATURES = ["hour_set", "month", "is_drop_trap", "bait_code", "feeder_present", "nights_prefed",
            "forecast_min_temp_c", "forecast_rain_mm", "colony_estimate", "log_density"]

cutoff = pd.Timestamp("2024-03-01")
train = traps[traps["set_at"] < cutoff]
test = traps[traps["set_at"] >= cutoff].copy()
train = train.copy()

density = LocationDensity(bandwidth_km=0.4).fit(train)
train["log_density"] = density.transform(train)
test["log_density"] = density.transform(test)
print(f"{len(train)} train sets, {len(test)} test sets")

dtrain = xgb.DMatrix(train[FEATURES], label=train["caught_unneutered"])
dtest = xgb.DMatrix(test[FEATURES], label=test["caught_unneutered"])
params = {
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "max_depth": 4,
    "eta": 0.05,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 5,
    "seed": 5,
}
booster = xgb.train(params, dtrain, num_boost_round=350)

proba = booster.predict(dtest)
print(f"ROC AUC {roc_auc_score(test['caught_unneutered'], proba):.3f}")
print(f"PR AUC  {average_precision_score(test['caught_unneutered'], proba):.3f}")
gain = booster.get_score(importance_type="gain")
print(sorted(gain.items(), key=lambda kv: -kv[1])[:5])
