# label: leakage/target
"""Daily passenger numbers for the seal-watching boat trips, per harbour.

The morning forecast is used to decide how many crews to call in. Inputs are
the marine forecast issued at 06:00, the calendar and recent demand.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
import xarray as xr


def load_dataset(path="bookings/seal_trips_daily.nc"):
    ds = xr.open_dataset(path)  # dims: time, harbour
    ds = ds.sel(time=slice("2018-04-01", "2024-10-31"))
    return ds


def add_features(ds):
    pax = ds["passengers"]
    ds["pax_mean_7d"] = pax.rolling(time=7, min_periods=5).mean()
    ds["pax_same_day_last_week"] = pax.shift(time=7)
    ds["wind_fc_max_kt"] = ds["wind_fc_kt"].clip(max=40)
    ds["calm_day"] = (ds["wave_fc_m"] < 0.8).astype("int8")
    ds["log_trips"] = np.log(ds["trips_scheduled"].where(ds["trips_scheduled"] > 0))
    return ds


def to_frame(ds):
    df = ds.to_dataframe().reset_index()
    df = df[df["trips_scheduled"] > 0]
    df["dow"] = df["time"].dt.dayofweek
    df["month"] = df["time"].dt.month
    df["year"] = df["time"].dt.year
    cols = [
        "time", "harbour", "passengers", "pax_mean_7d", "pax_same_day_last_week",
        "wind_fc_max_kt", "wave_fc_m", "sunshine_fc_h", "calm_day", "school_holiday",
        "bank_holiday", "log_trips", "dow", "month", "year",
    ]
    return df[cols].dropna()


FORMULA = (
    "passengers ~ C(harbour) + C(dow) + C(month) + school_holiday + bank_holiday"
    " + wind_fc_max_kt + wave_fc_m + sunshine_fc_h + calm_day"
    " + np.log1p(pax_mean_7d) + np.log1p(pax_same_day_last_week)"
)


def main():
    ds = add_features(load_dataset())
    df = to_frame(ds)

    train = df[df["year"] <= 2023]
    test = df[df["year"] == 2024]

    glm = smf.glm(
        FORMULA, data=train, family=sm.families.Poisson(), offset=train["log_trips"]
    ).fit(cov_type="HC1")
    print(glm.summary().tables[1])

    pred = glm.predict(test, offset=test["log_trips"])
    err = test["passengers"] - pred
    print(f"2024 MAE:  {err.abs().mean():.1f} passengers/day")
    print(f"2024 RMSE: {np.sqrt((err ** 2).mean()):.1f}")
    print(f"2024 bias: {err.mean():+.1f}")

    per_harbour = (
        test.assign(pred=pred, abs_err=err.abs())
        .groupby("harbour")[["passengers", "pred", "abs_err"]]
        .mean()
        .round(1)
    )
    print(per_harbour)


if __name__ == "__main__":
    main()
