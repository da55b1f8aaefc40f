# label: leakage/none
"""Week-ahead generation for a run-of-river hydro scheme.

Target: total MWh over the next seven days, issued each evening. Catchment
rainfall and snow water equivalent come from gridded reanalysis files.
"""
import numpy as np
import pandas as pd
import xarray as xr
import lightgbm as lgb
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

HORIZON = 7
BBOX = dict(lat=slice(47.2, 46.8), lon=slice(9.6, 10.1))


def catchment_mean(path, var):
    ds = xr.open_dataset(path)
    field = ds[var].sel(**BBOX)
    weights = np.cos(np.deg2rad(field["lat"]))
    series = field.weighted(weights).mean(("lat", "lon"))
    return series.resample(time="1D").mean().to_series().rename(var)


def build_frame():
    gen = pd.read_csv("plant_daily_generation.csv", parse_dates=["date"], index_col="date")
    rain = catchment_mean("era5_land_precip_2015_2024.nc", "tp") * 1000.0
    swe = catchment_mean("era5_land_snow_2015_2024.nc", "sd")
    df = gen.join(rain.rename("rain_mm"), how="left").join(swe.rename("swe_m"), how="left")
    df = df.asfreq("D")
    df[["rain_mm", "swe_m"]] = df[["rain_mm", "swe_m"]].ffill(limit=3)

    df["rain_3d"] = df["rain_mm"].rolling(3).sum()
    df["rain_14d"] = df["rain_mm"].rolling(14).sum()
    df["rain_45d"] = df["rain_mm"].rolling(45).sum()
    df["swe_change_7d"] = df["swe_m"].diff(7)
    df["mwh_today"] = df["mwh"]
    df["mwh_7d"] = df["mwh"].rolling(7).sum()
    df["mwh_28d_mean"] = df["mwh"].rolling(28).mean()
    df["flow_today"] = df["intake_flow_m3s"]
    df["doy_sin"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df.index.dayofyear / 365.25)

    df["target"] = sum(df["mwh"].shift(-k) for k in range(1, HORIZON + 1))
    return df.dropna()


FEATURES = ["rain_mm", "rain_3d", "rain_14d", "rain_45d", "swe_m", "swe_change_7d",
            "mwh_today", "mwh_7d", "mwh_28d_mean", "flow_today", "air_temp_c",
            "doy_sin", "doy_cos"]


def main():
    df = build_frame()
    cutoff = pd.Timestamp("2023-04-01")
    train_end = cutoff - pd.Timedelta(days=HORIZON)
    train = df[df.index < train_end]
    test = df[df.index >= cutoff]

    model = lgb.LGBMRegressor(n_estimators=900, learning_rate=0.03, num_leaves=31,
                              min_child_samples=20, subsample=0.8, subsample_freq=1,
                              colsample_bytree=0.8, random_state=0, verbose=-1)
    model.fit(train[FEATURES], train["target"])

    pred = model.predict(test[FEATURES])
    persistence = test["mwh_7d"]
    print(f"train days: {len(train)}  test days: {len(test)}")
    print(f"LightGBM    MAE {mean_absolute_error(test['target'], pred):8.1f} MWh  "
          f"MAPE {mean_absolute_percentage_error(test['target'], pred):.3f}")
    print(f"persistence MAE {mean_absolute_error(test['target'], persistence):8.1f} MWh  "
          f"MAPE {mean_absolute_percentage_error(test['target'], persistence):.3f}")

    monthly = pd.DataFrame({"actual": test["target"], "pred": pred}).resample("MS").mean()
    print(monthly.round(0))


if __name__ == "__main__":
    main()
