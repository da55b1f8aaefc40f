# label: leakage/preprocessing
"""Overnight minimum road surface temperature at roadside weather stations.

The winter service desk decides on pre-salting at 18:00. Inputs are the 18:00
station readings plus the evening NWP forecast for the station; target is the
minimum surface temperature recorded between 18:00 and 08:00.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error

PREDICTORS = [
    "surface_temp_18",
    "air_temp_18",
    "dew_point_18",
    "wind_speed_18",
    "nwp_min_air_temp",
    "nwp_cloud_cover",
    "nwp_precip_mm",
    "sky_view_factor",
    "altitude_m",
]
TARGET = "surface_temp_min"
TRAIN_END = "2022-06-30"
TEST_START = "2022-07-01"


def open_station_nights(path: str) -> xr.Dataset:
    ds = xr.open_dataset(path)  # dims: night, station
    ds = ds.sel(night=ds["night"].dt.month.isin([10, 11, 12, 1, 2, 3, 4]))
    ds["dew_depression"] = ds["air_temp_18"] - ds["dew_point_18"]
    ds["sky_view_factor"] = ds["sky_view_factor"].broadcast_like(ds["air_temp_18"])
    ds["altitude_m"] = ds["altitude_m"].broadcast_like(ds["air_temp_18"])
    return ds


def standardise(ds: xr.Dataset, mean: xr.Dataset, std: xr.Dataset) -> xr.Dataset:
    return (ds - mean) / std


def to_frame(ds: xr.Dataset, columns) -> pd.DataFrame:
    return ds[columns].to_dataframe().dropna()


ds = open_station_nights("rws_station_nights_2016_2024.nc")
columns = PREDICTORS + ["dew_depression"]

stats_source = ds[columns]
mean = stats_source.mean(dim=("night", "station"))
std = stats_source.std(dim=("night", "station"))

scaled = standardise(ds[columns], mean, std)
scaled[TARGET] = ds[TARGET]

train_ds = scaled.sel(night=slice(None, TRAIN_END))
test_ds = scaled.sel(night=slice(TEST_START, None))

train_df = to_frame(train_ds, columns + [TARGET])
test_df = to_frame(test_ds, columns + [TARGET])

model = RidgeCV(alphas=np.logspace(-3, 3, 13))
model.fit(train_df[columns], train_df[TARGET])
pred = model.predict(test_df[columns])

obs = test_df[TARGET].to_numpy()
print(f"alpha chosen: {model.alpha_:.3g}")
print(f"MAE (degC): {mean_absolute_error(obs, pred):.2f}")

# Frost calls: predicted and observed minimum at or below 0 degC
obs_frost = obs <= 0.0
pred_frost = pred <= 0.0
hit_rate = (obs_frost & pred_frost).sum() / max(obs_frost.sum(), 1)
false_alarm = (~obs_frost & pred_frost).sum() / max(pred_frost.sum(), 1)
print(f"frost hit rate: {hit_rate:.3f}, false alarm ratio: {false_alarm:.3f}")

by_station = (
    test_df.assign(abs_err=np.abs(pred - obs))
    .groupby(level="station")["abs_err"]
    .mean()
    .sort_values(ascending=False)
)
print(by_station.head(10).round(2).to_string())
