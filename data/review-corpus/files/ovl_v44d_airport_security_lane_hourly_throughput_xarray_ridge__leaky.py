# label: leakage/overlap
"""Day-ahead forecast of passengers screened per hour at the central security hall.

The rostering team plans lane staffing the afternoon before, so every lagged
input is at least 24 hours old.
"""
import joblib
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA = "data/security_hall_hourly_2021_2024.nc"
LAGS_H = [24, 48, 168, 336]


def make_features(ds: xr.Dataset) -> pd.DataFrame:
    ds = ds.sel(time=ds["hall_open"] == 1)
    ds = ds.resample(time="1h").sum(min_count=1)
    y = ds["passengers_screened"]

    feats = xr.Dataset({"passengers_screened": y})
    for lag in LAGS_H:
        feats[f"lag_{lag}h"] = y.shift(time=lag)
    feats["mean_prev_day"] = y.shift(time=24).rolling(time=24).mean()
    feats["same_hour_mean_4w"] = (
        sum(y.shift(time=168 * k) for k in range(1, 5)) / 4.0
    )
    # seats on flights in the published timetable for that hour
    feats["seats_scheduled"] = ds["departing_seats"]
    feats["school_holiday"] = ds["school_holiday"]

    df = feats.to_dataframe().dropna()
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    df["month"] = df.index.month
    return df


def main():
    ds = xr.open_dataset(DATA)
    df = make_features(ds)
    print(f"{len(df)} hourly rows, {df.index.min():%Y-%m-%d} to {df.index.max():%Y-%m-%d}")

    numeric = [c for c in df.columns if c.startswith(("lag_", "mean_", "same_", "seats_"))]
    categorical = ["hour", "dow", "month"]
    X = df[numeric + categorical + ["school_holiday"]]
    y = df["passengers_screened"]

    model = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ], remainder="passthrough")),
        ("ridge", Ridge(alpha=10.0)),
    ])

    cv = KFold(n_splits=5, shuffle=True, random_state=0)
    res = cross_validate(
        model, X, y, cv=cv,
        scoring=["neg_mean_absolute_error", "neg_root_mean_squared_error", "r2"],
    )
    mae = -res["test_neg_mean_absolute_error"]
    rmse = -res["test_neg_root_mean_squared_error"]
    print(f"MAE  {mae.mean():.1f} +/- {mae.std():.1f} passengers/hour")
    print(f"RMSE {rmse.mean():.1f} +/- {rmse.std():.1f}")
    print(f"R2   {res['test_r2'].mean():.3f}")

    peak = y.quantile(0.9)
    print(f"90th percentile hourly load: {peak:.0f} (MAE is {np.mean(mae) / peak:.1%} of it)")

    model.fit(X, y)
    joblib.dump(model, "security_hall_ridge.joblib")


if __name__ == "__main__":
    main()
