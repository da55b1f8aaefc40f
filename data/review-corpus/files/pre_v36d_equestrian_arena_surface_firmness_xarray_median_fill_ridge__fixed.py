# label: leakage/none
"""Morning surface firmness for the equestrian centre's sand/fibre arenas.

Grounds staff take an impact-hammer firmness reading (in g) at 07:00 in each
arena. In-surface probes log moisture and temperature; the yard diary gives
rain, irrigation, harrowing and ride counts. The estimate is used to decide
on watering and harrowing before the first lessons of the day.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

TRAIN_END = "2024-03-31"
TEST_START = "2024-04-01"
PROBES = ["moisture_pct", "surface_temp_c", "wax_binder_pct", "fibre_pct"]
DIARY = [
    "rain_prev24h_mm", "irrigation_prev24h_l_m2", "harrow_passes_prev_day",
    "rides_prev_day", "air_temp_min_c",
]

ds = xr.open_dataset("data/arena_surface_daily.nc")  # dims: time, arena
ds = ds.sel(time=slice("2021-01-01", None))
print(ds)

# probe dropouts: fill each arena's gaps with that arena's typical reading
medians = ds[PROBES].sel(time=slice(None, TRAIN_END)).median(dim="time", skipna=True)
filled = ds[PROBES].fillna(medians)
ds = ds.assign(filled.data_vars)

ds["rain_3d_mm"] = ds["rain_prev24h_mm"].rolling(time=3, min_periods=1).sum()
ds["moisture_change"] = ds["moisture_pct"].diff("time")
doy = ds["time"].dt.dayofyear
ds["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
ds["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)

features = PROBES + DIARY + ["rain_3d_mm", "moisture_change", "doy_sin", "doy_cos"]
df = (
    ds[features + ["firmness_g"]]
    .to_dataframe()
    .reset_index()
    .dropna(subset=["firmness_g", "moisture_change"])
)
arena_dummies = pd.get_dummies(df["arena"], prefix="arena", dtype=float)
df = pd.concat([df, arena_dummies], axis=1)
features += list(arena_dummies.columns)

train = df[df["time"] <= TRAIN_END]
test = df[df["time"] >= TEST_START]
print(f"train {len(train)} arena-days, test {len(test)} arena-days")

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 30)))
model.fit(train[features], train["firmness_g"])
print(f"ridge alpha: {model[-1].alpha_:.3g}")

pred = model.predict(test[features])
print(f"test MAE {mean_absolute_error(test['firmness_g'], pred):.2f} g, "
      f"R2 {r2_score(test['firmness_g'], pred):.3f}")

per_arena = (
    test.assign(abs_err=np.abs(test["firmness_g"] - pred))
    .groupby("arena")["abs_err"].mean()
    .round(2)
)
print(per_arena.to_string())

coefs = pd.Series(model[-1].coef_, index=features).sort_values()
print(coefs.round(3).to_string())
