# label: leakage/target
# twin: tgt_r13b_scooter_rolling_config__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""E-scooter demand: rentals per docking station for the next hour.

One row per station-hour (zero-filled). The model is retrained weekly and
evaluated on the months after the training cutoff.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

FEATURE_CONFIG = {
    "lags": {"rentals_lag1h": 1, "rentals_lag24h": 24, "rentals_lag168h": 168},
    "rolling": {"rentals_roll3h": 3, "rentals_roll24h": 24, "rentals_roll168h": 168},
    "calendar": ["hour", "weekday", "is_holiday"],
    "exogenous": ["temp_forecast_c", "precip_forecast_mm", "wind_forecast_kmh", "docks_total"],
}

demand = pd.read_csv("data/scooter_station_hourly.csv", parse_dates=["hour_ts"])
demand = demand.sort_values(["station_id", "hour_ts"]).reset_index(drop=True)
demand["hour"] = demand["hour_ts"].dt.hour
demand["weekday"] = demand["hour_ts"].dt.weekday
by_station = demand.groupby("station_id")["rentals"]

for name, k in FEATURE_CONFIG["lags"].items():
    demand[name] = by_station.shift(k)
for name, w in FEATURE_CONFIG["rolling"].items():
    # smoothed recent demand at the station
    demand[name] = by_station.transform(lambda s: s.rolling(w, min_periods=1).mean())

features = [f for group in FEATURE_CONFIG.values() for f in group]
demand = demand.dropna(subset=features)

cutoff = pd.Timestamp("2024-09-01")
train = demand[demand["hour_ts"] < cutoff]
test = demand[demand["hour_ts"] >= cutoff]

model = HistGradientBoostingRegressor(loss="poisson", learning_rate=0.05, max_iter=800,
                                      max_leaf_nodes=63, random_state=0)
model.fit(train[features], train["rentals"])
pred = model.predict(test[features])

baseline = test["rentals_lag168h"]
print(f"stations: {demand['station_id'].nunique()}, test hours: {test['hour_ts'].nunique()}")
print(f"model MAE: {mean_absolute_error(test['rentals'], pred):.3f} rentals/hour")
print(f"same-hour-last-week MAE: {mean_absolute_error(test['rentals'], baseline):.3f}")
print(f"total demand ratio (pred/actual): {pred.sum() / max(test['rentals'].sum(), 1):.3f}")
