# label: leakage/preprocessing
"""Daily large-hail occurrence on a 0.25 deg grid from radar-derived fields.

Radar composites (max reflectivity, 50 dBZ echo-top, VIL density, MESH)
are turned into standardized monthly anomalies so that a single model can
be used across the whole domain and season. Labels are cells with at least
one >= 2.5 cm hail report in the storm-report database that day.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

FIELDS = ["refl_max_dbz", "echotop50_km", "vil_density", "mesh_mm", "freezing_level_km"]
TRAIN_END = "2018-12-31"
TEST_START = "2019-01-01"


def open_inputs():
    radar = xr.open_mfdataset("radar/composite_daily_*.nc", combine="by_coords")
    radar = radar.sel(time=radar["time.month"].isin([4, 5, 6, 7, 8, 9]))
    reports = xr.open_dataset("reports/hail_grid_daily.nc")["hail_ge25"]
    return radar[FIELDS].load(), reports.reindex_like(radar).fillna(0).astype("int8")


def monthly_anomalies(ds, ref):
    mu = ref.groupby("time.month").mean("time")
    sd = ref.groupby("time.month").std("time")
    anom = (ds.groupby("time.month") - mu).groupby("time.month") / sd
    return anom.drop_vars("month").fillna(0.0)


def to_table(anom, raw, labels):
    feats = anom.rename({f: f"{f}_anom" for f in FIELDS})
    feats = xr.merge([feats, raw[["mesh_mm", "refl_max_dbz"]], labels.rename("hail")])
    df = feats.to_dataframe().reset_index()
    df["doy_sin"] = np.sin(2 * np.pi * df["time"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["time"].dt.dayofyear / 365.25)
    # only cells with some convective echo are worth scoring
    return df[df["refl_max_dbz"] >= 35].dropna()


radar, hail = open_inputs()
anom = monthly_anomalies(radar, radar)
table = to_table(anom, radar, hail)

feature_cols = [f"{f}_anom" for f in FIELDS] + ["mesh_mm", "lat", "lon", "doy_sin", "doy_cos"]
train = table[table["time"] <= TRAIN_END]
test = table[table["time"] >= TEST_START]
print(f"train cell-days {len(train):,} (hail {train['hail'].mean():.3%}), "
      f"test {len(test):,} (hail {test['hail'].mean():.3%})")

clf = HistGradientBoostingClassifier(
    learning_rate=0.06,
    max_iter=400,
    max_leaf_nodes=48,
    l2_regularization=1.0,
    class_weight={0: 1.0, 1: 8.0},
    random_state=0,
)
clf.fit(train[feature_cols], train["hail"])

p = clf.predict_proba(test[feature_cols])[:, 1]
print(f"ROC AUC {roc_auc_score(test['hail'], p):.4f}")
print(f"PR AUC  {average_precision_score(test['hail'], p):.4f}")
print(f"Brier   {brier_score_loss(test['hail'], p):.5f}")

test = test.assign(p=p, month=test["time"].dt.month)
monthly = test.groupby("month").apply(
    lambda d: pd.Series({"n": len(d), "obs": d["hail"].mean(),
                         "pred": d["p"].mean(),
                         "pr_auc": average_precision_score(d["hail"], d["p"])})
)
print(monthly.round(4).to_string())
