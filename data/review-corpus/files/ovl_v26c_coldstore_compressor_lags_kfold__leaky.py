# label: leakage/overlap
"""Forecast next-hour refrigeration compressor power at a cold-storage warehouse."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import KFold
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

power = pd.read_csv("compressor_power_15min.csv", parse_dates=["timestamp"])
doors = pd.read_csv("dock_door_events.csv", parse_dates=["timestamp"])
weather = pd.read_parquet("site_weather_hourly.parquet")

power = power.set_index("timestamp")[["kw"]].resample("1h").mean()
door_open = doors.set_index("timestamp")["open_seconds"].resample("1h").sum().rename("door_open_s")
pallets = doors.set_index("timestamp")["pallets_in"].resample("1h").sum().rename("pallets_in")
weather = weather.set_index("timestamp")[["outdoor_temp_c", "humidity_pct"]].resample("1h").mean()

hourly = power.join([door_open, pallets, weather], how="left")
hourly[["door_open_s", "pallets_in"]] = hourly[["door_open_s", "pallets_in"]].fillna(0)
hourly[["outdoor_temp_c", "humidity_pct"]] = hourly[["outdoor_temp_c", "humidity_pct"]].ffill(limit=3)
hourly["kw"] = hourly["kw"].ffill(limit=2)

hourly["target_kw"] = hourly["kw"].shift(-1)
for lag in (1, 2, 3, 6, 24, 168):
    hourly[f"kw_lag{lag}"] = hourly["kw"].shift(lag)
hourly["kw_roll24"] = hourly["kw"].rolling(24).mean()
hourly["kw_roll24_std"] = hourly["kw"].rolling(24).std()
hourly["door_roll6"] = hourly["door_open_s"].rolling(6).sum()
hourly["pallets_roll12"] = hourly["pallets_in"].rolling(12).sum()
hourly["temp_delta3"] = hourly["outdoor_temp_c"].diff(3)
hourly["hour"] = hourly.index.hour
hourly["dow"] = hourly.index.dayofweek
hourly["defrost_window"] = hourly["hour"].isin([2, 3, 14, 15]).astype(int)

data = hourly.dropna()
FEATURES = [c for c in data.columns if c != "target_kw"]
X = data[FEATURES].to_numpy()
y = data["target_kw"].to_numpy()

params = dict(n_estimators=800, learning_rate=0.03, max_depth=6, subsample=0.8,
              colsample_bytree=0.8, min_child_weight=5, tree_method="hist", random_state=1)

cv = KFold(n_splits=5, shuffle=True, random_state=1)
maes, mapes = [], []
for fold, (tr_idx, te_idx) in enumerate(cv.split(X)):
    model = xgb.XGBRegressor(**params)
    model.fit(X[tr_idx], y[tr_idx])
    pred = model.predict(X[te_idx])
    maes.append(mean_absolute_error(y[te_idx], pred))
    mapes.append(mean_absolute_percentage_error(y[te_idx], pred))
    print(f"fold {fold}: MAE={maes[-1]:.2f} kW  MAPE={mapes[-1]:.2%}")

naive = mean_absolute_error(y, data["kw"].to_numpy())
print(f"Persistence MAE: {naive:.2f} kW")
print(f"CV MAE:  {np.mean(maes):.2f} +/- {np.std(maes):.2f} kW")
print(f"CV MAPE: {np.mean(mapes):.2%}")
