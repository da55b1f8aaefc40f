# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

PATHS = {
    "reservoir": "data/reservoir_daily_inflow.csv",
    "gauges": "data/catchment_gauges_daily.parquet",
}
CUTOFF = pd.Timestamp("2019-01-01")
GAUGE_COLS = ["rain_upper_mm", "rain_mid_mm", "rain_dam_mm", "swe_upper_mm", "tair_mid_c", "upstream_flow_m3s"]


def doy_climatology(frame, cols):
    doy = frame["date"].dt.dayofyear.clip(upper=365)
    return frame[cols].groupby(doy).mean()


def fill_gaps(frame, clim, cols):
    out = frame.copy()
    doy = out["date"].dt.dayofyear.clip(upper=365)
    for col in cols:
        missing = out[col].isna()
        out.loc[missing, col] = doy[missing].map(clim[col])
        out[f"{col}_was_missing"] = missing.astype(int)
    return out


def make_features(frame):
    f = frame.sort_values("date").copy()
    f["rain_basin_mm"] = f[["rain_upper_mm", "rain_mid_mm", "rain_dam_mm"]].mean(axis=1)
    for k in (1, 2, 3):
        f[f"rain_basin_lag{k}"] = f["rain_basin_mm"].shift(k)
        f[f"upstream_lag{k}"] = f["upstream_flow_m3s"].shift(k)
    f["rain_basin_7d"] = f["rain_basin_mm"].shift(1).rolling(7).sum()
    f["swe_melt_1d"] = (f["swe_upper_mm"].shift(1) - f["swe_upper_mm"]).clip(lower=0)
    f["degree_days_3d"] = f["tair_mid_c"].clip(lower=0).rolling(3).sum()
    f["sin_doy"] = np.sin(2 * np.pi * f["date"].dt.dayofyear / 365.25)
    f["cos_doy"] = np.cos(2 * np.pi * f["date"].dt.dayofyear / 365.25)
    return f.dropna()


reservoir = pd.read_csv(PATHS["reservoir"], parse_dates=["date"])
gauges = pd.read_parquet(PATHS["gauges"])
gauges["date"] = pd.to_datetime(gauges["date"])
df = reservoir.merge(gauges, on="date", how="inner").sort_values("date").reset_index(drop=True)
print(df[GAUGE_COLS].isna().mean().round(3))

clim = doy_climatology(df[df["date"] < CUTOFF], GAUGE_COLS)
df = fill_gaps(df, clim, GAUGE_COLS)
feat = make_features(df)

FEATURES = (
    ["rain_basin_mm", "rain_basin_7d", "swe_upper_mm", "swe_melt_1d", "tair_mid_c",
     "degree_days_3d", "sin_doy", "cos_doy"]
    + [f"rain_basin_lag{k}" for k in (1, 2, 3)]
    + [f"upstream_lag{k}" for k in (1, 2, 3)]
    + [f"{c}_was_missing" for c in GAUGE_COLS]
)
train = feat[feat["date"] < CUTOFF]
test = feat[feat["date"] >= CUTOFF]
print(f"train days {len(train)}, test days {len(test)}")

gbr = GradientBoostingRegressor(
    loss="huber", n_estimators=700, learning_rate=0.03, max_depth=4,
    subsample=0.8, random_state=0,
)
gbr.fit(train[FEATURES], np.log1p(train["inflow_m3s"]))
pred = np.expm1(gbr.predict(test[FEATURES]))

mae = mean_absolute_error(test["inflow_m3s"], pred)
nse = r2_score(test["inflow_m3s"], pred)
print(f"test MAE {mae:.2f} m3/s   NSE {nse:.3f}")

monthly = (
    test.assign(pred=pred, month=test["date"].dt.month)
    .groupby("month")[["inflow_m3s", "pred"]].mean()
)
print(monthly.round(1))

ax = test.set_index("date")["inflow_m3s"].plot(figsize=(12, 4), lw=0.8, label="observed")
pd.Series(pred, index=test["date"]).plot(ax=ax, lw=0.8, label="model")
ax.set_ylabel("inflow (m3/s)")
ax.legend()
plt.tight_layout()
plt.savefig("inflow_test_period.png", dpi=120)
