# label: leakage/target
"""Daily probability that a forest haul road segment is under a spring-thaw
weight restriction, for planning timber lorry dispatch across the district.

haul_roads_daily.nc: dims (segment, date); weather interpolated from the nearest
stations, weekly frost-tube readings, weighbridge load counts and the posted
restriction status from the roads office.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, confusion_matrix, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TEST_WINTER = 2023  # winter starting Nov 2023
NUMERIC = ["tdd_7d", "fdd_30d", "rain_3d", "snow_depth_cm", "frost_depth_cm_last",
           "fc_tmax_c", "haul_loads", "day_of_season"]
STATIC = ["surface", "subgrade", "drainage_class"]


def add_features(ds: xr.Dataset) -> xr.Dataset:
    thaw = ds["air_temp_mean_c"].clip(min=0)
    freeze = (-ds["air_temp_mean_c"]).clip(min=0)
    ds["tdd_7d"] = thaw.rolling(date=7, min_periods=5).sum().shift(date=1)
    ds["fdd_30d"] = freeze.rolling(date=30, min_periods=20).sum().shift(date=1)
    ds["rain_3d"] = ds["rain_mm"].rolling(date=3, min_periods=2).sum().shift(date=1)
    ds["snow_depth_cm"] = ds["snow_depth_cm"].shift(date=1)
    ds["frost_depth_cm_last"] = ds["frost_tube_cm"].ffill("date").shift(date=1)
    ds["haul_loads"] = ds["lorry_loads"]
    return ds


def to_frame(ds: xr.Dataset) -> pd.DataFrame:
    df = ds[NUMERIC[:-1] + ["restricted"]].to_dataframe().reset_index()
    seg = ds[STATIC].to_dataframe().reset_index()
    df = df.merge(seg, on="segment", how="left")
    df["winter"] = np.where(df["date"].dt.month >= 7, df["date"].dt.year, df["date"].dt.year - 1)
    season_start = pd.to_datetime(df["winter"].astype(str) + "-11-01")
    df["day_of_season"] = (df["date"] - season_start).dt.days
    df = df[df["date"].dt.month.isin([11, 12, 1, 2, 3, 4, 5])]
    return df.dropna(subset=NUMERIC + ["restricted"])


ds = xr.open_dataset("data/haul_roads_daily.nc")
ds = add_features(ds)
frame = to_frame(ds)
print(frame.groupby("winter")["restricted"].agg(["size", "mean"]).round(3))

train = frame[frame["winter"] < TEST_WINTER]
test = frame[frame["winter"] == TEST_WINTER]

model = make_pipeline(
    ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("seg", OneHotEncoder(handle_unknown="ignore"), STATIC),
    ]),
    LogisticRegression(C=1.0, max_iter=3000),
)
model.fit(train[NUMERIC + STATIC], train["restricted"])

proba = model.predict_proba(test[NUMERIC + STATIC])[:, 1]
y_test = test["restricted"].to_numpy()
print(f"winter {TEST_WINTER}: segment-days={len(test)}  restricted share={y_test.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}   Brier: {brier_score_loss(y_test, proba):.4f}")
print(confusion_matrix(y_test, (proba >= 0.5).astype(int)))

coef = pd.Series(model[-1].coef_[0], index=model[0].get_feature_names_out())
print(coef.sort_values().round(3))
