# label: leakage/overlap
# Dome interior relative humidity, 3 h ahead, for the night-time close/open call.
# Source: weather mast + dome sensor netCDF archive (1-minute records).
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

HORIZON_H = 3
CLOSE_RH = 85.0

ds = xr.open_mfdataset("archive/dome_met_*.nc", combine="by_coords")
ds = ds[["dome_rh", "dome_temp_c", "out_rh", "out_temp_c", "dewpoint_c", "wind_ms", "cloud_ir_k"]]
hourly = ds.resample(time="1h").mean().load()

# dewpoint depression drives condensation on the primary mirror cell
hourly["dew_depression"] = hourly["out_temp_c"] - hourly["dewpoint_c"]
hourly["dome_out_delta_t"] = hourly["dome_temp_c"] - hourly["out_temp_c"]

frame = hourly.to_dataframe()
frame = frame.ffill(limit=2)

lag_vars = ["dome_rh", "out_rh", "dew_depression", "wind_ms", "cloud_ir_k"]
for var in lag_vars:
    for lag in (1, 2, 3, 6, 12, 24):
        frame[f"{var}_lag{lag}"] = frame[var].shift(lag)
frame["dome_rh_diff3"] = frame["dome_rh"] - frame["dome_rh_lag3"]
frame["out_rh_roll6"] = frame["out_rh"].rolling(6).mean()

hour = frame.index.hour
doy = frame.index.dayofyear
frame["hour_sin"] = np.sin(2 * np.pi * hour / 24)
frame["hour_cos"] = np.cos(2 * np.pi * hour / 24)
frame["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
frame["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)

frame["target_rh"] = frame["dome_rh"].shift(-HORIZON_H)
frame = frame.dropna()

feature_cols = [c for c in frame.columns if c != "target_rh"]
X = frame[feature_cols]
y = frame["target_rh"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)
print(f"train hours: {len(X_train)}, test hours: {len(X_test)}")

model = HistGradientBoostingRegressor(
    max_iter=600,
    learning_rate=0.05,
    max_leaf_nodes=31,
    l2_regularization=1.0,
    random_state=17,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

mae = mean_absolute_error(y_test, pred)
persist_mae = mean_absolute_error(y_test, X_test["dome_rh"])
print(f"MAE {mae:.2f} %RH  (persistence {persist_mae:.2f} %RH)")

# how often the close call agrees with what actually happened
actual_close = y_test >= CLOSE_RH
pred_close = pred >= CLOSE_RH
hits = (actual_close & pred_close).sum()
print(f"close events: {actual_close.sum()}, caught: {hits}, "
      f"false closes: {(~actual_close & pred_close).sum()}")

night = (X_test.index.hour >= 19) | (X_test.index.hour <= 6)
print(f"night-time MAE {mean_absolute_error(y_test[night], pred[night]):.2f} %RH")
