# label: leakage/preprocessing
# Daily slip-risk score for instrumented clay embankments on the route.
# Each site has a TDR soil-moisture string, a piezometer and a rain gauge;
# the output drives the extreme-weather watchman rota.
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ds = xr.open_dataset("monitoring/embankment_daily_2014_2024.nc")
# variables: vwc_0p5m, vwc_1p5m, pore_pressure_kpa, rain_mm   dims: (site, time)
slips = pd.read_csv("monitoring/earthworks_failures.csv", parse_dates=["reported_date"])

SPLIT_DATE = "2021-01-01"
SENSORS = ["vwc_0p5m", "vwc_1p5m", "pore_pressure_kpa"]

# standardise each sensor per site so sites on different clays are comparable
ref = ds[SENSORS]
clim_mean = ref.mean("time")
clim_std = ref.std("time")
anom = (ds[SENSORS] - clim_mean) / clim_std

feat = xr.Dataset()
for v in SENSORS:
    feat[f"{v}_z"] = anom[v]
    feat[f"{v}_z_7d"] = anom[v].rolling(time=7, min_periods=5).mean()
    feat[f"{v}_z_trend_7d"] = anom[v] - anom[v].shift(time=7)
feat["rain_3d"] = ds["rain_mm"].rolling(time=3, min_periods=3).sum()
feat["rain_14d"] = ds["rain_mm"].rolling(time=14, min_periods=10).sum()
feat["rain_60d"] = ds["rain_mm"].rolling(time=60, min_periods=45).sum()
# readings up to the end of the previous day
feat = feat.shift(time=1)

df = feat.to_dataframe().reset_index()
df["doy_sin"] = np.sin(2 * np.pi * df["time"].dt.dayofyear / 365.25)
df["doy_cos"] = np.cos(2 * np.pi * df["time"].dt.dayofyear / 365.25)

events = slips.rename(columns={"reported_date": "time"})[["site", "time"]]
events["slip"] = 1
df = df.merge(events.drop_duplicates(), on=["site", "time"], how="left")
df["slip"] = df["slip"].fillna(0).astype(int)

FEATURES = [c for c in df.columns if c not in ("site", "time", "slip")]
df = df.dropna(subset=FEATURES)

train = df[df["time"] < SPLIT_DATE]
test = df[df["time"] >= SPLIT_DATE]
print(f"train days {len(train)} ({train['slip'].sum()} slips), "
      f"test days {len(test)} ({test['slip'].sum()} slips)")

model = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=0.3, class_weight="balanced", max_iter=5000),
)
model.fit(train[FEATURES], train["slip"])

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['slip'], p):.3f}")
print(f"PR AUC:  {average_precision_score(test['slip'], p):.3f}")

# how many watchman-days would catch each slip at a 2% daily alert rate
alert_cut = np.quantile(model.predict_proba(train[FEATURES])[:, 1], 0.98)
alerts = p >= alert_cut
print(f"alert days: {alerts.sum()}, slips on alert days: "
      f"{test.loc[alerts, 'slip'].sum()} / {test['slip'].sum()}")

coef = pd.Series(model[-1].coef_[0], index=FEATURES).sort_values()
print(coef.round(3).to_string())
