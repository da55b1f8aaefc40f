# label: leakage/preprocessing
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import xarray as xr

# Hourly sea-state and power records for the six point absorbers at the test berth.
ds = xr.open_dataset("berth/wec_array_hourly_2021_2024.nc")
ds = ds.sel(time=slice("2021-04-01", "2024-03-31"))
ds = ds.where(ds["availability"] > 0.95)

ds["hs2_tp"] = ds["hs_m"] ** 2 * ds["tp_s"]
ds["dir_offset"] = np.abs(((ds["mean_dir_deg"] - ds["design_heading_deg"] + 180) % 360) - 180)
ds["spread_deg"] = ds["directional_spread_deg"]

FEATURES = ["hs_m", "tp_s", "hs2_tp", "dir_offset", "spread_deg", "wind_speed_ms", "current_ms", "tide_m"]
SPLIT = "2023-07-01"

mu = ds[FEATURES].mean("time")
sd = ds[FEATURES].std("time")
scaled = (ds[FEATURES] - mu) / sd
scaled["power_kw"] = ds["power_kw"]

train = scaled.sel(time=slice(None, "2023-06-30"))
test = scaled.sel(time=slice(SPLIT, None))


def to_frame(part):
    df = part.to_dataframe().reset_index()
    df = df.dropna(subset=FEATURES + ["power_kw"])
    df["device"] = df["device"].astype(str)
    return df


train_df = to_frame(train)
test_df = to_frame(test)
print(f"train hours x devices: {len(train_df):,}   test: {len(test_df):,}")

formula = (
    "power_kw ~ hs2_tp + hs_m + tp_s + I(tp_s ** 2) + hs_m:tp_s"
    " + dir_offset + spread_deg + wind_speed_ms + current_ms + tide_m + C(device)"
)
ols = smf.ols(formula, data=train_df).fit(cov_type="HAC", cov_kwds={"maxlags": 24})
print(ols.summary().tables[1])

test_df["pred_kw"] = ols.predict(test_df).clip(lower=0)
err = test_df["pred_kw"] - test_df["power_kw"]
rmse = float(np.sqrt(np.mean(err ** 2)))
mae = float(np.mean(np.abs(err)))
energy_bias = 100 * (test_df["pred_kw"].sum() / test_df["power_kw"].sum() - 1)

print(f"test RMSE {rmse:.1f} kW   MAE {mae:.1f} kW   energy bias {energy_bias:+.1f}%")

per_device = (
    test_df.assign(abs_err=err.abs())
    .groupby("device")
    .agg(mae_kw=("abs_err", "mean"), mean_power_kw=("power_kw", "mean"))
    .round(1)
)
print(per_device)

monthly = test_df.set_index("time")[["power_kw", "pred_kw"]].resample("MS").mean().round(1)
print(monthly)
