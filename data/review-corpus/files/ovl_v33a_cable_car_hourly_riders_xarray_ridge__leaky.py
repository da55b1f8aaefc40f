# label: leakage/overlap
"""Hourly boardings model for the valley cable car (bottom station gates)."""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LAGS_H = [1, 2, 3, 24, 48, 168]


def load_station(path="telemetry/cable_car_bottom_station_hourly.nc"):
    ds = xr.open_dataset(path)
    ds = ds.sel(time=slice("2019-05-01", "2024-10-31"))
    ds = ds.where(ds["line_open"] == 1)
    return ds


def add_features(ds):
    out = xr.Dataset(coords={"time": ds["time"]})
    for lag in LAGS_H:
        out[f"riders_lag{lag}"] = ds["riders"].shift(time=lag)
    out["wind_gust_max3h"] = ds["wind_gust_ms"].rolling(time=3, min_periods=1).max()
    out["temp_c"] = ds["temp_c"]
    out["precip_mm"] = ds["precip_mm"]
    out["cloud_okta"] = ds["cloud_okta"]
    out["school_holiday"] = ds["school_holiday"]
    hour = ds["time"].dt.hour
    dow = ds["time"].dt.dayofweek
    out["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    out["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    out["dow_sin"] = np.sin(2 * np.pi * dow / 7)
    out["dow_cos"] = np.cos(2 * np.pi * dow / 7)
    out["weekend"] = (dow >= 5).astype(float)
    out["riders"] = ds["riders"]
    return out


def main():
    ds = load_station()
    frame = add_features(ds).to_dataframe().dropna()
    feature_cols = [c for c in frame.columns if c != "riders"]
    print(f"{len(frame)} operating hours, {frame.index.min()} -> {frame.index.max()}")

    X, y = frame[feature_cols], np.log1p(frame["riders"])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=5)

    model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25)))
    model.fit(X_train, y_train)
    print(f"alpha: {model[-1].alpha_:.4g}")

    pred = np.expm1(model.predict(X_test)).clip(min=0)
    actual = np.expm1(y_test)
    print(f"MAE  : {mean_absolute_error(actual, pred):.1f} riders/hour")
    print(f"R^2  : {r2_score(actual, pred):.3f}")

    peak = X_test.index.hour.isin(range(10, 16))
    print(f"MAE 10:00-16:00: {mean_absolute_error(actual[peak], pred[peak]):.1f}")

    coefs = pd.Series(model[-1].coef_, index=feature_cols).sort_values(key=np.abs, ascending=False)
    print(coefs.round(3).to_string())


if __name__ == "__main__":
    main()
