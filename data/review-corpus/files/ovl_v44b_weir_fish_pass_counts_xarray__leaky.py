# label: leakage/overlap
"""Next-day upstream sea trout counts at the fish pass on the lower weir.

The resistivity counter, the gauging station and the water-quality sonde are
merged into one netCDF file on a daily time axis by the monitoring team.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

LAGS = [1, 2, 3, 7, 14]


def load_daily(path="data/lower_weir_daily.nc"):
    ds = xr.open_dataset(path)
    ds = ds.sel(time=slice("2012-01-01", "2023-12-31"))
    ds["count"] = ds["upstream_count"].where(ds["counter_ok"] == 1)
    return ds


def add_features(ds):
    log_count = np.log1p(ds["count"])
    ds["count_today"] = log_count
    for lag in LAGS:
        ds[f"count_lag{lag}"] = log_count.shift(time=lag)
    ds["count_mean7"] = log_count.rolling(time=7).mean()
    ds["flow_lag1"] = ds["flow_m3s"].shift(time=1)
    ds["flow_change"] = ds["flow_m3s"] - ds["flow_m3s"].shift(time=1)
    ds["flow_max3"] = ds["flow_m3s"].rolling(time=3).max()
    ds["temp_mean3"] = ds["water_temp_c"].rolling(time=3).mean()
    ds["doy_sin"] = np.sin(2 * np.pi * ds["time"].dt.dayofyear / 365.25)
    ds["doy_cos"] = np.cos(2 * np.pi * ds["time"].dt.dayofyear / 365.25)
    # the counter report for day t is issued the next morning, so forecast t + 1
    ds["target"] = log_count.shift(time=-1)
    return ds


FEATURES = (
    ["count_today"] + [f"count_lag{lag}" for lag in LAGS]
    + ["count_mean7", "flow_m3s", "flow_lag1", "flow_change", "flow_max3",
       "water_temp_c", "temp_mean3", "turbidity_ntu", "doy_sin", "doy_cos"]
)

ds = add_features(load_daily())
frame = ds[FEATURES + ["target"]].to_dataframe().dropna()
print(f"{len(frame)} days from {frame.index.min():%Y-%m-%d} to {frame.index.max():%Y-%m-%d}")

X_train, X_test, y_train, y_test = train_test_split(
    frame[FEATURES], frame["target"], test_size=0.2, shuffle=True, random_state=3
)

model = HistGradientBoostingRegressor(
    max_iter=500, learning_rate=0.05, max_leaf_nodes=31,
    min_samples_leaf=30, l2_regularization=0.5, random_state=3,
)
model.fit(X_train, y_train)

pred_log = model.predict(X_test)
pred = np.expm1(pred_log).clip(min=0)
obs = np.expm1(y_test)

print(f"R2 (log scale): {r2_score(y_test, pred_log):.3f}")
print(f"MAE (fish/day): {mean_absolute_error(obs, pred):.2f}")

# run-timing check for the monitoring report: totals by month
monthly = pd.DataFrame({"observed": obs, "predicted": pred}, index=X_test.index)
monthly = monthly.groupby(monthly.index.month).sum().round(0)
monthly.index.name = "month"
print(monthly.to_string())
