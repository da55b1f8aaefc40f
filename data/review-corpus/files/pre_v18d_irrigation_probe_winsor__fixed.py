# label: leakage/none
"""Daily irrigation volume per drip zone (orchard block) from weather station + soil probes."""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, r2_score

DATA = "data/drip_zones_daily.parquet"
TARGET = "water_m3_ha"
TEST_SEASON = 2023

PROBE_COLS = ["vwc_10cm", "vwc_30cm", "vwc_60cm", "soil_temp_30cm", "ec_30cm"]
WEATHER_COLS = ["et0_mm", "tmax_c", "rh_mean", "wind_ms", "rain_prev_day_mm", "rain_fcst_mm"]
CROP_COLS = ["kc", "days_after_bloom", "canopy_cover"]


def winsor_bounds(frame, cols, lo=0.01, hi=0.99):
    return frame[cols].quantile(lo), frame[cols].quantile(hi)


def add_features(df):
    df = df.sort_values(["zone_id", "date"]).copy()
    df["etc_mm"] = df["et0_mm"] * df["kc"]
    df["vwc_gradient"] = df["vwc_10cm"] - df["vwc_60cm"]
    df["applied_prev_day"] = df.groupby("zone_id")[TARGET].shift(1)
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    return df


df = pd.read_parquet(DATA)
df["date"] = pd.to_datetime(df["date"])
df["season"] = df["date"].dt.year
df = df[df["date"].dt.month.between(4, 10)]

train = df[df["season"] < TEST_SEASON].copy()
test = df[df["season"] == TEST_SEASON].copy()

lo, hi = winsor_bounds(train, PROBE_COLS)
train[PROBE_COLS] = train[PROBE_COLS].clip(lo, hi, axis=1)
test[PROBE_COLS] = test[PROBE_COLS].clip(lo, hi, axis=1)

train, test = add_features(train), add_features(test)
FEATURES = (PROBE_COLS + WEATHER_COLS + CROP_COLS
            + ["etc_mm", "vwc_gradient", "applied_prev_day", "doy_sin", "doy_cos"])
print(f"train {len(train)} zone-days ({train['season'].min()}-{train['season'].max()}), "
      f"test {len(test)} zone-days")

model = lgb.LGBMRegressor(n_estimators=800, learning_rate=0.03, num_leaves=48,
                          min_child_samples=30, subsample=0.8, subsample_freq=1,
                          colsample_bytree=0.8, random_state=5, verbose=-1)
model.fit(train[FEATURES], train[TARGET])

pred = np.clip(model.predict(test[FEATURES]), 0, None)
print(f"{TEST_SEASON} MAE: {mean_absolute_error(test[TARGET], pred):.2f} m3/ha")
print(f"{TEST_SEASON} R2 : {r2_score(test[TARGET], pred):.3f}")

per_zone = (test.assign(pred=pred)
            .groupby("zone_id")
            .apply(lambda g: mean_absolute_error(g[TARGET], g["pred"]))
            .sort_values())
print(per_zone.describe())

weekly = test.assign(pred=pred).set_index("date")[[TARGET, "pred"]].resample("W").sum()
weekly.plot(figsize=(9, 4), title=f"season {TEST_SEASON}: applied vs predicted (all zones)")
plt.ylabel("m3/ha")
plt.tight_layout()
plt.savefig("irrigation_weekly.png", dpi=110)
