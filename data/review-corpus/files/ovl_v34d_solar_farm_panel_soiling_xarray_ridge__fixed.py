# label: leakage/none
# Two-week performance-ratio outlook for the desert PV portfolio, used to
# schedule robotic panel cleaning. Inputs are the daily site cube produced by
# the SCADA export job (one NetCDF file, dims: site x time).
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HORIZON = 14  # days ahead the cleaning crews are rostered
CUTOFF = np.datetime64("2023-07-01")

ds = xr.open_dataset("data/pv_sites_daily.nc")
ds = ds.sel(time=slice("2019-01-01", "2023-12-31"))

# performance ratio = delivered energy / energy expected from plane-of-array irradiance
ds["pr"] = ds["energy_kwh"] / (ds["poa_irradiance_kwh_m2"] * ds["dc_capacity_kw"])
ds["pr"] = ds["pr"].where((ds["pr"] > 0.2) & (ds["pr"] < 1.1))

# target: mean PR over the next HORIZON days
ds["pr_next"] = ds["pr"].rolling(time=HORIZON, min_periods=10).mean().shift(time=-HORIZON)

# trailing inputs, all ending on the issue day
ds["pr_7d"] = ds["pr"].rolling(time=7, min_periods=5).mean()
ds["pr_28d"] = ds["pr"].rolling(time=28, min_periods=20).mean()
ds["pm10_7d"] = ds["pm10_ugm3"].rolling(time=7, min_periods=5).mean()
ds["wind_max_7d"] = ds["wind_gust_ms"].rolling(time=7, min_periods=5).max()
ds["rain_7d"] = ds["rain_mm"].rolling(time=7, min_periods=5).sum()

cleaned = ds["cleaned"].fillna(0).astype(bool)
days_since = xr.zeros_like(ds["pr"])
for i in range(1, ds.sizes["time"]):
    prev = days_since.isel(time=i - 1) + 1
    days_since[dict(time=i)] = xr.where(cleaned.isel(time=i), 0, prev)
ds["days_since_clean"] = days_since

ds["doy_sin"] = np.sin(2 * np.pi * ds["time"].dt.dayofyear / 365.25)
ds["doy_cos"] = np.cos(2 * np.pi * ds["time"].dt.dayofyear / 365.25)

FEATURES = ["pr", "pr_7d", "pr_28d", "pm10_7d", "wind_max_7d", "rain_7d",
            "days_since_clean", "module_temp_c", "doy_sin", "doy_cos"]

table = (
    ds[FEATURES + ["pr_next"]]
    .to_dataframe()
    .reset_index()
    .dropna()
)
print(table.shape, table["site"].nunique(), "sites")

train_end = CUTOFF - np.timedelta64(HORIZON, "D")
train = table[table["time"] < train_end]
test = table[table["time"] >= CUTOFF]

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25)))
model.fit(train[FEATURES], train["pr_next"])

pred = model.predict(test[FEATURES])
print(f"alpha: {model[-1].alpha_:.3g}")
print(f"test MAE (PR points): {100 * mean_absolute_error(test['pr_next'], pred):.2f}")
print(f"test R^2: {r2_score(test['pr_next'], pred):.3f}")

naive = test["pr_7d"]
print(f"persistence MAE (PR points): {100 * mean_absolute_error(test['pr_next'], naive):.2f}")

by_site = (
    test.assign(abs_err=np.abs(test["pr_next"] - pred))
    .groupby("site")["abs_err"]
    .mean()
    .mul(100)
    .sort_values()
)
print(by_site.round(2).to_string())
