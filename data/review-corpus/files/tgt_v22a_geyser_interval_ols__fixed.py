# label: leakage/none
"""Time to next eruption for a cone geyser from logger data (temperature-sensor eruption detection)."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt

LOG = "data/geyser_eruption_log.csv"
BARO = "data/basin_weather_hourly.csv"
SPLIT_DATE = "2022-09-01"
FORMULA = ("interval_min ~ duration_s + dur_change + prev_interval + prev_interval_mean5"
           " + baro_hpa + baro_tend_3h + air_temp_c + rain_24h_mm + C(hour_bin)")


def load_eruptions(path):
    e = pd.read_csv(path, parse_dates=["start_time"]).sort_values("start_time").reset_index(drop=True)
    e = e[e["detection_quality"] >= 2].reset_index(drop=True)
    e["interval_min"] = (e["start_time"].shift(-1) - e["start_time"]).dt.total_seconds() / 60
    gap = e["interval_min"] > 6 * 60
    e.loc[gap, "interval_min"] = np.nan
    return e


def add_history(e):
    e = e.copy()
    e["prev_interval"] = e["interval_min"].shift(1)
    e["prev_interval_mean5"] = e["prev_interval"].rolling(5, min_periods=3).mean()
    e["dur_change"] = e["duration_s"].diff(1)
    e["hour_bin"] = (e["start_time"].dt.hour // 6).astype(str)
    return e


def add_weather(e, path):
    w = pd.read_csv(path, parse_dates=["time"]).sort_values("time")
    w["baro_tend_3h"] = w["baro_hpa"].diff(3)
    w["rain_24h_mm"] = w["rain_mm"].rolling(24, min_periods=1).sum()
    return pd.merge_asof(e.sort_values("start_time"), w[["time", "baro_hpa", "baro_tend_3h", "air_temp_c",
                                                         "rain_24h_mm"]],
                         left_on="start_time", right_on="time", direction="backward")


eruptions = add_weather(add_history(load_eruptions(LOG)), BARO)
eruptions = eruptions.dropna(subset=["interval_min", "prev_interval", "prev_interval_mean5", "dur_change",
                                     "baro_hpa"])
print(len(eruptions), "eruptions;", eruptions["interval_min"].describe().round(1).to_dict())

train = eruptions[eruptions["start_time"] < SPLIT_DATE]
test = eruptions[eruptions["start_time"] >= SPLIT_DATE]

ols = smf.ols(FORMULA, data=train).fit(cov_type="HAC", cov_kwds={"maxlags": 10})
print(ols.summary().tables[1])

pred = ols.predict(test)
err = test["interval_min"] - pred
mae = err.abs().mean()
within_10 = (err.abs() <= 10).mean()
naive = (test["interval_min"] - test["prev_interval_mean5"]).abs().mean()
print(f"test MAE {mae:.1f} min (naive 5-eruption mean: {naive:.1f} min); within ±10 min: {within_10:.1%}")

fig, axes = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
axes[0].plot(test["start_time"], test["interval_min"], ".", ms=3, label="observed")
axes[0].plot(test["start_time"], pred, "-", lw=0.8, label="OLS")
axes[0].set_ylabel("interval (min)")
axes[0].legend()
axes[1].plot(test["start_time"], err, ".", ms=3, color="tab:red")
axes[1].axhline(0, color="k", lw=0.6)
axes[1].set_ylabel("residual (min)")
fig.tight_layout()
fig.savefig("geyser_interval_ols.png", dpi=120)
