# label: leakage/none
"""Litter-level ammonia three hours ahead in broiler house 4.

Hourly controller export (NetCDF): ammonia and CO2 probes, minimum-ventilation
fan stage, heater runtime, litter and outdoor conditions, bird age. The forecast
is used to bring the next ventilation stage forward on cold nights.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

HORIZON = 3  # hours
LAGS = [1, 2, 3, 6, 12, 24]
SENSORS = ["nh3_ppm", "co2_ppm", "fan_stage", "heater_runtime_min",
           "litter_temp_c", "house_rh_pct", "outdoor_temp_c"]


def load_house(path="data/house4_controller_hourly_2022_2024.nc"):
    ds = xr.open_dataset(path)
    ds = ds[SENSORS + ["bird_age_days", "litter_top_up_flag"]]
    ds = ds.resample(time="1h").mean()
    return ds.ffill(dim="time", limit=3)


def build_frame(ds):
    feats = {}
    for var in SENSORS:
        for lag in LAGS:
            feats[f"{var}_lag{lag}"] = ds[var].shift(time=lag)
        feats[f"{var}_now"] = ds[var]
    feats["nh3_delta_1h"] = ds["nh3_ppm"] - ds["nh3_ppm"].shift(time=1)
    feats["bird_age_days"] = ds["bird_age_days"]
    feats["top_up_last_24h"] = ds["litter_top_up_flag"].rolling(time=24, min_periods=1).max()
    feats["hour"] = ds["time"].dt.hour
    feats["target"] = ds["nh3_ppm"].shift(time=-HORIZON)
    frame = xr.Dataset(feats).to_dataframe()
    return frame.dropna()


def main():
    ds = load_house()
    frame = build_frame(ds)
    X = frame.drop(columns="target")
    y = frame["target"]
    print(f"{len(frame)} hourly rows from {frame.index.min()} to {frame.index.max()}")

    model = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0, random_state=0
    )
    cv = TimeSeriesSplit(n_splits=5, gap=max(LAGS) + HORIZON)
    parts = []
    for train_idx, test_idx in cv.split(X):
        model.fit(X.iloc[train_idx], y.iloc[train_idx])
        parts.append(pd.Series(model.predict(X.iloc[test_idx]), index=y.index[test_idx]))
    pred = pd.concat(parts)
    y, X = y.loc[pred.index], X.loc[pred.index]

    persistence = X["nh3_ppm_now"]
    print(f"MAE model       : {mean_absolute_error(y, pred):.2f} ppm")
    print(f"MAE persistence : {mean_absolute_error(y, persistence):.2f} ppm")

    err = (y - pred).abs()
    by_hour = err.groupby(X["hour"]).mean()
    print("MAE by hour of day:")
    print(by_hour.round(2).to_string())
    late_flock = X["bird_age_days"] >= 28
    print(f"MAE from day 28 on: {err[late_flock].mean():.2f} ppm  (n={int(late_flock.sum())})")
    above = y >= 20
    print(f"hours at or above 20 ppm: {int(above.sum())}, flagged by model: {np.mean(pred[above] >= 20):.1%}")


if __name__ == "__main__":
    main()
