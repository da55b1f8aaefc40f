# label: leakage/none
"""April-1 seasonal water-supply forecast (April-July runoff volume) for headwater basins.

Predictors are standardised daily anomalies of basin-mean SWE, precipitation and
air temperature, aggregated to the issue date; the regression is pooled across
basins with basin intercepts.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import xarray as xr

FIRST_TEST_WY = 2013


def water_year(time):
    return time.dt.year + (time.dt.month >= 10)


def daily_anomalies(met, ref_end):
    met = met.sel(time=~((met.time.dt.month == 2) & (met.time.dt.day == 29)))
    ref = met.sel(time=slice(None, ref_end))
    clim = ref.groupby("time.dayofyear").mean("time")
    spread = ref.groupby("time.dayofyear").std("time")
    anom = met.groupby("time.dayofyear") - clim
    return anom.groupby("time.dayofyear") / spread


def issue_date_predictors(anom):
    anom = anom.assign_coords(wy=water_year(anom.time))
    frames = []
    for wy, season in anom.groupby("wy"):
        winter = season.sel(time=slice(f"{wy - 1}-10-01", f"{wy}-03-31"))
        if winter.sizes["time"] < 170:
            continue
        row = xr.Dataset({
            "swe_apr1": season["swe_mm"].sel(time=f"{wy}-04-01"),
            "precip_octmar": winter["precip_mm"].mean("time"),
            "tavg_mar": winter["tavg_c"].sel(time=slice(f"{wy}-03-01", f"{wy}-03-31")).mean("time"),
            "swe_trend_mar": season["swe_mm"].sel(time=f"{wy}-04-01") - season["swe_mm"].sel(time=f"{wy}-03-01"),
        }).expand_dims(wy=[wy])
        frames.append(row.drop_vars("time", errors="ignore"))
    return xr.concat(frames, dim="wy").to_dataframe().reset_index()


def amjj_volume(flow):
    q = flow["q_cms"]
    q = q.sel(time=q.time.dt.month.isin([4, 5, 6, 7]))
    vol = (q * 86400 / 1e6).groupby(q.time.dt.year).sum("time").rename({"year": "wy"})
    return vol.to_dataframe(name="vol_hm3").reset_index()


met = xr.open_dataset("basins/basin_daily_met_1985_2023.nc")[["swe_mm", "precip_mm", "tavg_c"]]
flow = xr.open_dataset("basins/naturalized_flow_daily_1985_2023.nc")

anom = daily_anomalies(met, ref_end=f"{FIRST_TEST_WY - 1}-09-30")
data = issue_date_predictors(anom).merge(amjj_volume(flow), on=["basin", "wy"])
data["log_vol"] = np.log(data["vol_hm3"])

train = data[data["wy"] < FIRST_TEST_WY]
test = data[data["wy"] >= FIRST_TEST_WY]

fit = smf.ols("log_vol ~ C(basin) + swe_apr1 + precip_octmar + tavg_mar + swe_trend_mar", data=train).fit()
print(fit.summary().tables[1])

pred = np.exp(fit.predict(test) + fit.mse_resid / 2)
baseline = test["basin"].map(train.groupby("basin")["vol_hm3"].median())
err = pd.DataFrame({
    "basin": test["basin"],
    "abs_err": (pred - test["vol_hm3"]).abs(),
    "abs_err_clim": (baseline - test["vol_hm3"]).abs(),
})
per_basin = err.groupby("basin")[["abs_err", "abs_err_clim"]].mean()
per_basin["skill"] = 1 - per_basin["abs_err"] / per_basin["abs_err_clim"]
print(per_basin.round(2))
print(f"pooled MAE skill vs median climatology, WY{FIRST_TEST_WY}+: "
      f"{1 - err['abs_err'].mean() / err['abs_err_clim'].mean():.3f}")
