# label: leakage/none
"""Monthly sardine landings at the purse-seine ports vs. upwelling conditions.

Satellite SST and chlorophyll-a over the shelf box are turned into standardised
monthly anomalies; the regional means (with 1-3 month lags) are used to model
log landings. Years up to 2016 are used for fitting, 2017 onwards for testing.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

SAT_PATH = "gridded/shelf_sst_chl_monthly_2003_2022.nc"
LANDINGS_PATH = "ports/sardine_landings_monthly.csv"
SHELF_BOX = dict(lat=slice(36.0, 42.5), lon=slice(-10.5, -8.5))
TRAIN_END = "2016-12-31"


def load_fields(path):
    ds = xr.open_dataset(path).sel(**SHELF_BOX)
    ds["chl"] = np.log10(ds["chl"].where(ds["chl"] > 0))
    ds["sst_gradient"] = ds["sst"].differentiate("lon")
    return ds[["sst", "chl", "sst_gradient", "upwelling_index"]]


def standardised_anomalies(ds):
    base = ds.sel(time=slice(None, TRAIN_END))
    clim_mean = base.groupby("time.month").mean("time")
    clim_std = base.groupby("time.month").std("time")
    anom = (ds.groupby("time.month") - clim_mean).groupby("time.month") / clim_std
    return anom.drop_vars("month")


def regional_table(anom):
    weights = np.cos(np.deg2rad(anom["lat"]))
    box_mean = anom.weighted(weights).mean(["lat", "lon"])
    table = box_mean.to_dataframe()
    table.index = table.index.to_period("M")
    for col in ["sst", "chl", "upwelling_index"]:
        for lag in (1, 2, 3):
            table[f"{col}_lag{lag}"] = table[col].shift(lag)
    return table


def main():
    ds = load_fields(SAT_PATH)
    anom = standardised_anomalies(ds)
    features = regional_table(anom)

    landings = pd.read_csv(LANDINGS_PATH, parse_dates=["month"])
    landings["month"] = landings["month"].dt.to_period("M")
    landings = landings.groupby("month")["tonnes"].sum()

    data = features.join(np.log1p(landings.rename("log_tonnes")), how="inner").dropna()
    data["month_of_year"] = data.index.month
    X_cols = [c for c in data.columns if c != "log_tonnes"]

    train = data[data.index <= pd.Period(TRAIN_END, "M")]
    test = data[data.index > pd.Period(TRAIN_END, "M")]
    print(f"train months {len(train)}, test months {len(test)}")

    model = GradientBoostingRegressor(
        n_estimators=300, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=0
    )
    model.fit(train[X_cols], train["log_tonnes"])
    pred = model.predict(test[X_cols])

    print(f"Test MAE (log tonnes): {mean_absolute_error(test['log_tonnes'], pred):.3f}")
    print(f"Test R2: {r2_score(test['log_tonnes'], pred):.3f}")
    yearly = pd.DataFrame({"obs": np.expm1(test["log_tonnes"]), "pred": np.expm1(pred)},
                          index=test.index).groupby(test.index.year).sum()
    print(yearly.round(0))


if __name__ == "__main__":
    main()
