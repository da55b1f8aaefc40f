# label: leakage/preprocessing
"""Will the grass pitches at the recreation ground be closed tomorrow morning?

Daily weather and soil-probe record for the site (2012-2024) in NetCDF, plus the
grounds team's inspection log. Predictors are the evening's values expressed as
departures from the monthly mean, so the seasonal cycle in soil moisture and
evaporation does not dominate the fit.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CUT = pd.Timestamp("2021-07-01")

ds = xr.open_dataset("data/recreation_ground_daily.nc")
ds["rain_3d"] = ds["rain_mm"].rolling(time=3).sum()
ds["rain_7d"] = ds["rain_mm"].rolling(time=7).sum()
ds["water_balance_7d"] = (ds["rain_mm"] - ds["pet_mm"]).rolling(time=7).sum()
VARS = ["rain_mm", "rain_3d", "rain_7d", "water_balance_7d", "soil_vwc_10cm",
        "soil_vwc_30cm", "t_mean", "sunshine_h", "wind_mean"]
daily = ds[VARS].dropna("time")

# monthly climatology of the daily values
clim = daily.groupby("time.month").mean("time")
anom = daily.groupby("time.month") - clim

feats = anom.to_dataframe()[VARS].add_suffix("_anom")
feats["soil_vwc_10cm"] = daily["soil_vwc_10cm"].to_series()
feats["frost"] = (daily["t_mean"] < 0).astype(float).to_series()
feats["doy_sin"] = np.sin(2 * np.pi * feats.index.dayofyear / 365.25)
feats["doy_cos"] = np.cos(2 * np.pi * feats.index.dayofyear / 365.25)

# inspection log: one row per morning inspection on fixture days
log = pd.read_csv("data/pitch_inspections.csv", parse_dates=["inspection_date"])
closed = log.groupby("inspection_date")["pitches_closed"].max().gt(0).astype(float)

feats["next_day"] = feats.index + pd.Timedelta(days=1)
feats["closed"] = feats["next_day"].map(closed)
feats = feats.dropna()

train = feats[feats["next_day"] < CUT]
test = feats[feats.index >= CUT]
X_cols = [c for c in feats.columns if c not in ("closed", "next_day")]

model = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=1000))
model.fit(train[X_cols], train["closed"])
p = model.predict_proba(test[X_cols])[:, 1]

print(f"inspection days train/test: {len(train)}/{len(test)}; closure rate test {test['closed'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['closed'], p):.3f}")
print(f"Brier:   {brier_score_loss(test['closed'], p):.4f}  "
      f"(base rate: {brier_score_loss(test['closed'], np.full(len(p), train['closed'].mean())):.4f})")

coef = pd.Series(model[-1].coef_[0], index=X_cols).sort_values()
print(coef.round(3))
