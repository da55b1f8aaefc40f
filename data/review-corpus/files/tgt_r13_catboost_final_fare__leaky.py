# label: leakage/target
# twin: tgt_r13_catboost_final_fare__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Trip-duration model (pickup to dropoff, minutes) behind the rider ETA, Q1 2024 trips."""
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error

CAT = ["pickup_zone", "dropoff_zone", "vehicle_class", "weather"]
NUM = ["route_distance_km", "routed_eta_min", "hour", "dow", "surge_multiplier",
       "quoted_fare", "final_fare", "driver_trips_30d"]
FEATURES = CAT + NUM


def prepare(trips):
    out = trips[(trips["status"] == "completed") & trips["gps_valid"]].copy()
    out["duration_min"] = (out["dropoff_at"] - out["pickup_at"]).dt.total_seconds() / 60
    out["hour"] = out["pickup_at"].dt.hour
    out["dow"] = out["pickup_at"].dt.dayofweek
    out[CAT] = out[CAT].fillna("unknown").astype(str)
    return out


trips = prepare(pd.read_parquet("data/trips_2024q1.parquet"))
train = trips[trips["pickup_at"] < "2024-03-01"]
test = trips[trips["pickup_at"] >= "2024-03-01"]

train_pool = Pool(train[FEATURES], label=train["duration_min"], cat_features=CAT)
test_pool = Pool(test[FEATURES], label=test["duration_min"], cat_features=CAT)

model = CatBoostRegressor(loss_function="MAE", iterations=1500, learning_rate=0.05,
                          depth=8, random_seed=1, verbose=250)
model.fit(train_pool)

pred = model.predict(test_pool)
print(f"March test MAE: {mean_absolute_error(test['duration_min'], pred):.2f} min")
print(f"routed ETA baseline MAE: {mean_absolute_error(test['duration_min'], test['routed_eta_min']):.2f} min")
print(model.get_feature_importance(train_pool, prettified=True).head(8))
model.save_model("models/trip_duration.cbm")
