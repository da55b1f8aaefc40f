# label: leakage/none
"""Daily jellyfish bloom warnings for monitored beaches from satellite SST and chlorophyll."""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score

TRAIN_END = "2020-12-31"
TEST_START = "2021-01-01"


def seasonal_anomaly(da, reference):
    # departure from the day-of-year mean, smoothed over a month
    clim = reference.groupby("time.dayofyear").mean("time")
    clim = clim.rolling(dayofyear=31, center=True, min_periods=1).mean()
    return da.groupby("time.dayofyear") - clim


def beach_series(grid, beaches, name):
    pts = grid.sel(
        lat=xr.DataArray(beaches["lat"].values, dims="beach"),
        lon=xr.DataArray(beaches["lon"].values, dims="beach"),
        method="nearest",
    )
    pts = pts.assign_coords(beach=beaches["beach_id"].values)
    return pts.to_series().rename(name)


beaches = pd.read_csv("data/beaches.csv")  # beach_id, lat, lon, exposure
sightings = pd.read_csv("data/lifeguard_jellyfish_reports.csv", parse_dates=["date"])
sightings["bloom"] = (sightings["jellyfish_per_100m"] >= 5).astype(int)

ds = xr.open_mfdataset("data/ocean/sst_chl_*.nc", combine="by_coords").load()
sst = ds["analysed_sst"] - 273.15
chl = np.log10(ds["chlor_a"].clip(min=0.01))

sst_anom = seasonal_anomaly(sst, sst.sel(time=slice(None, TRAIN_END)))
chl_anom = seasonal_anomaly(chl, chl.sel(time=slice(None, TRAIN_END)))

feats = xr.Dataset({
    "sst": sst,
    "sst_anom": sst_anom,
    "sst_anom_7d": sst_anom.rolling(time=7, min_periods=4).mean(),
    "sst_anom_30d": sst_anom.rolling(time=30, min_periods=15).mean(),
    "chl_anom_14d": chl_anom.rolling(time=14, min_periods=7).mean(),
    "sst_trend_7d": sst - sst.shift(time=7),
})
# satellite products land a day late, so use yesterday's fields
feats = feats.shift(time=1)

cols = [beach_series(feats[v], beaches, v) for v in feats.data_vars]
table = pd.concat(cols, axis=1).reset_index().rename(columns={"time": "date", "beach": "beach_id"})
table = table.merge(beaches[["beach_id", "exposure"]], on="beach_id")
table["exposure"] = table["exposure"].map({"sheltered": 0, "semi": 1, "open": 2})
table["doy"] = table["date"].dt.dayofyear
data = sightings[["date", "beach_id", "bloom"]].merge(table, on=["date", "beach_id"]).dropna()

features = list(feats.data_vars) + ["exposure", "doy"]
train = data[data["date"] <= TRAIN_END]
test = data[data["date"] >= TEST_START]
print(f"train {len(train)} beach-days ({train.bloom.mean():.2%} bloom), test {len(test)}")

clf = GradientBoostingClassifier(n_estimators=400, learning_rate=0.05, max_depth=3,
                                 subsample=0.8, random_state=3)
clf.fit(train[features], train["bloom"])
p = clf.predict_proba(test[features])[:, 1]

print(f"test ROC AUC {roc_auc_score(test['bloom'], p):.3f}")
print(f"test Brier   {brier_score_loss(test['bloom'], p):.4f}  (base rate {test.bloom.mean():.3f})")
test = test.assign(p_bloom=p)
print(test.groupby("beach_id")[["bloom", "p_bloom"]].mean().round(3).sort_values("bloom"))
