# label: leakage/none
"""Daily minimum visibility at the valley airfield during the burn season.

Predictors are area means of reanalysis fields over the valley box plus the
satellite fire radiative power upwind of the airfield. Fields are converted to
standardised anomalies before the regression.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score

VALLEY = dict(latitude=slice(-35.2, -36.4), longitude=slice(147.6, 148.9))
UPWIND = dict(latitude=slice(-34.5, -36.8), longitude=slice(145.5, 147.6))
TRAIN_END = "2018-12-31"
TEST_START = "2019-01-01"


def area_mean(da):
    weights = np.cos(np.deg2rad(da.latitude))
    return da.weighted(weights).mean(["latitude", "longitude"])


def build_predictors():
    met = xr.open_mfdataset("data/reanalysis/valley_*.nc", combine="by_coords")
    frp = xr.open_dataset("data/fire/frp_daily_0p1deg.nc")

    daily = xr.Dataset({
        "blh": area_mean(met["blh"].sel(**VALLEY)).resample(time="1D").min(),
        "wind10": area_mean(np.hypot(met["u10"], met["v10"]).sel(**VALLEY)).resample(time="1D").mean(),
        "t2m_range": (area_mean(met["t2m"].sel(**VALLEY)).resample(time="1D").max()
                      - area_mean(met["t2m"].sel(**VALLEY)).resample(time="1D").min()),
        "rh_min": area_mean(met["rh"].sel(**VALLEY)).resample(time="1D").min(),
        "inversion": area_mean((met["t850"] - met["t2m"]).sel(**VALLEY)).resample(time="1D").max(),
        "frp_upwind": np.log1p(frp["frp"].sel(**UPWIND).sum(["latitude", "longitude"])),
    })
    daily["frp_upwind_lag1"] = daily["frp_upwind"].shift(time=1)
    daily = daily.sel(time=daily.time.dt.month.isin([10, 11, 12, 1, 2, 3, 4]))
    return daily.compute()


daily = build_predictors()

mean = daily.sel(time=slice(None, TRAIN_END)).mean("time")
std = daily.sel(time=slice(None, TRAIN_END)).std("time")
anoms = (daily - mean) / std

obs = pd.read_csv("data/airfield_visibility.csv", parse_dates=["date"], index_col="date")
table = anoms.to_dataframe().join(obs["vis_min_km"], how="inner").dropna()
table["log_vis"] = np.log(table["vis_min_km"].clip(lower=0.05))

features = ["blh", "wind10", "t2m_range", "rh_min", "inversion", "frp_upwind", "frp_upwind_lag1"]
train = table.loc[:TRAIN_END]
test = table.loc[TEST_START:]

model = RidgeCV(alphas=np.logspace(-3, 2, 30))
model.fit(train[features], train["log_vis"])

pred_km = np.exp(model.predict(test[features]))
print(f"alpha = {model.alpha_:.3g}; {len(train)} train days, {len(test)} test days")
print(f"MAE {mean_absolute_error(test['vis_min_km'], pred_km):.2f} km")
print(f"R2 (log visibility) {r2_score(test['log_vis'], np.log(pred_km)):.3f}")
low = test["vis_min_km"] < 1.0
print(f"days under 1 km: {low.sum()}, flagged {(pred_km[low.to_numpy()] < 1.0).mean():.1%}")
print(pd.Series(model.coef_, index=features).round(3).to_string())
