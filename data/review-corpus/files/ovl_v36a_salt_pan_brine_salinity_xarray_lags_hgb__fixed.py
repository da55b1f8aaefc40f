# label: leakage/none
"""Morning brine salinity for the crystallising pans at the Marsh End saltworks.

The works foreman wants a model of each pan's morning refractometer reading
from the previous days' readings and the day's weather forecast, so brine
transfers can be planned before the pans are walked.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error

DATA = "data/saltworks_daily.nc"
LAGS = [1, 2, 3, 7]
WEATHER = ["fc_air_temp_c", "fc_wind_ms", "fc_rain_mm", "fc_sunshine_h", "fc_rh_pct"]


def load_frame(path):
    ds = xr.open_dataset(path)
    # pan x day grid; a few missing days per pan when the refractometer was away
    ds = ds.sel(time=slice("2019-04-01", "2024-09-30"))
    ds["salinity_gl"] = ds["salinity_gl"].where(ds["salinity_gl"] > 0)
    df = ds[["salinity_gl", "brine_depth_cm"] + WEATHER].to_dataframe().reset_index()
    df = df.rename(columns={"time": "date"})
    df["date"] = pd.to_datetime(df["date"])
    return df.sort_values(["pan", "date"]).reset_index(drop=True)


def add_history(df):
    g = df.groupby("pan", group_keys=False)
    for k in LAGS:
        df[f"sal_lag{k}"] = g["salinity_gl"].shift(k)
        df[f"depth_lag{k}"] = g["brine_depth_cm"].shift(k)
    df["sal_mean7"] = g["salinity_gl"].apply(lambda s: s.shift(1).rolling(7, min_periods=4).mean())
    df["sal_delta1"] = df["sal_lag1"] - df["sal_lag2"]
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["pan_code"] = df["pan"].str.lstrip("P").astype(int)  # pans are labelled P01..P18
    return df


df = add_history(load_frame(DATA))
features = (
    [f"sal_lag{k}" for k in LAGS]
    + [f"depth_lag{k}" for k in LAGS]
    + ["sal_mean7", "sal_delta1", "doy_sin", "doy_cos", "pan_code"]
    + WEATHER
)
df = df.dropna(subset=["salinity_gl", "sal_lag1", "sal_mean7"])
print(f"{len(df)} pan-days across {df['pan'].nunique()} pans")

cutoff = pd.Timestamp("2023-10-01")
train, test = df[df["date"] < cutoff], df[df["date"] >= cutoff]

model = HistGradientBoostingRegressor(
    max_iter=500,
    learning_rate=0.05,
    max_leaf_nodes=31,
    l2_regularization=1.0,
    categorical_features=[features.index("pan_code")],
    random_state=7,
)
model.fit(train[features], train["salinity_gl"])
pred = model.predict(test[features])

persistence = test["sal_lag1"]
print(f"model       MAE {mean_absolute_error(test['salinity_gl'], pred):6.2f} g/L  "
      f"RMSE {np.sqrt(mean_squared_error(test['salinity_gl'], pred)):6.2f}")
print(f"persistence MAE {mean_absolute_error(test['salinity_gl'], persistence):6.2f} g/L  "
      f"RMSE {np.sqrt(mean_squared_error(test['salinity_gl'], persistence)):6.2f}")

by_pan = (
    test.assign(abs_err=np.abs(test["salinity_gl"] - pred))
    .groupby("pan")["abs_err"]
    .mean()
    .sort_values()
)
print(by_pan.round(2))
