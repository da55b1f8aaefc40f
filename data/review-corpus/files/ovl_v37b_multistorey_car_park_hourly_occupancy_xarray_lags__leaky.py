# label: leakage/overlap
"""Hourly occupancy model for the council's multi-storey car parks.

Counts come from the barrier controllers as a NetCDF cube (time x site);
the model predicts occupied spaces one day ahead for the signage planner.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

LAGS_H = [24, 48, 72, 168, 336]


def load_cube(path):
    ds = xr.open_dataset(path)
    ds = ds.sel(time=slice("2021-06-01", "2024-05-31"))
    ds["occupied"] = ds["occupied"].clip(min=0)
    ds["occupancy_rate"] = ds["occupied"] / ds["capacity"]
    return ds


def add_lags(ds):
    rate = ds["occupancy_rate"]
    for lag in LAGS_H:
        ds[f"rate_lag_{lag}h"] = rate.shift(time=lag)
    ds["rate_mean_prev_week"] = rate.shift(time=24).rolling(time=168, min_periods=120).mean()
    ds["rate_same_hour_prev_week"] = rate.shift(time=168)
    return ds


def to_frame(ds):
    cols = ["occupancy_rate"] + [f"rate_lag_{lag}h" for lag in LAGS_H] + [
        "rate_mean_prev_week", "rate_same_hour_prev_week", "capacity",
    ]
    df = ds[cols].to_dataframe().reset_index()
    df["hour"] = df["time"].dt.hour
    df["dow"] = df["time"].dt.dayofweek
    df["month"] = df["time"].dt.month
    df["site_code"] = df["site"].astype("category").cat.codes
    return df.dropna()


ds = add_lags(load_cube("data/mscp_barrier_counts_hourly.nc"))
calendar = pd.read_csv("data/town_events_calendar.csv", parse_dates=["date"])

frame = to_frame(ds)
frame["date"] = frame["time"].dt.normalize()
frame = frame.merge(calendar[["date", "bank_holiday", "market_day", "event_size"]], on="date", how="left")
frame[["bank_holiday", "market_day"]] = frame[["bank_holiday", "market_day"]].fillna(0)
frame["event_size"] = frame["event_size"].fillna(0)

feature_cols = [c for c in frame.columns if c.startswith("rate_")] + [
    "hour", "dow", "month", "site_code", "capacity", "bank_holiday", "market_day", "event_size",
]

train, test = train_test_split(frame, test_size=0.2, shuffle=True, random_state=17)

model = HistGradientBoostingRegressor(
    max_iter=600, learning_rate=0.05, max_leaf_nodes=63,
    categorical_features=["site_code"], random_state=17,
)
model.fit(train[feature_cols], train["occupancy_rate"])

test = test.assign(pred_rate=model.predict(test[feature_cols]).clip(0, 1))
test["pred_spaces"] = test["pred_rate"] * test["capacity"]
test["occupied"] = test["occupancy_rate"] * test["capacity"]

mae_spaces = mean_absolute_error(test["occupied"], test["pred_spaces"])
naive = mean_absolute_error(test["occupied"], test["rate_same_hour_prev_week"] * test["capacity"])
print(f"test MAE: {mae_spaces:.1f} spaces (same-hour-last-week baseline {naive:.1f})")

per_site = test.groupby("site").apply(
    lambda g: pd.Series({
        "mae_spaces": np.mean(np.abs(g["occupied"] - g["pred_spaces"])),
        "peak_hours": int((g["occupancy_rate"] > 0.95).sum()),
    })
)
print(per_site.round(1))
