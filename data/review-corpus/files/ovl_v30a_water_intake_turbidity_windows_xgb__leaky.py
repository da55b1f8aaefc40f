# label: leakage/overlap
# Raw-water intake: forecast peak turbidity over the next 12 h so the works can
# close the intake / up the coagulant dose before a storm slug arrives.
# Sonde + telemetered rain gauge, 15-min logging, resampled to hourly.
import numpy as np
import pandas as pd
import xgboost as xgb
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

LOOKBACK = 48   # hours of history fed to the model
HORIZON = 12    # hours ahead we care about
SHUTOFF_NTU = 50.0

sonde = pd.read_csv("data/intake/sonde_15min.csv", parse_dates=["timestamp"], index_col="timestamp")
rain = pd.read_csv("data/intake/upstream_raingauges.csv", parse_dates=["timestamp"], index_col="timestamp")

hourly = pd.concat(
    [
        sonde[["turbidity_ntu", "conductivity_us", "water_temp_c", "river_level_m"]].resample("1h").mean(),
        rain[["rg_north_mm", "rg_moor_mm", "rg_town_mm"]].resample("1h").sum(min_count=1),
    ],
    axis=1,
)
# sonde wipes / short telemetry drops: carry the last good value for up to 3 h
hourly = hourly.ffill(limit=3).dropna()
hourly["rain_total_mm"] = hourly[["rg_north_mm", "rg_moor_mm", "rg_town_mm"]].sum(axis=1)
hourly["log_turb"] = np.log1p(hourly["turbidity_ntu"])
hourly = hourly.asfreq("1h")  # gaps longer than 3 h stay NaN, those windows are dropped below

signals = ["log_turb", "conductivity_us", "water_temp_c", "river_level_m", "rain_total_mm", "rg_moor_mm"]
vals = hourly[signals].to_numpy(dtype="float32")
turb = hourly["turbidity_ntu"].to_numpy(dtype="float32")

# X[i] = the LOOKBACK hours ending at t, y[i] = max turbidity over (t, t + HORIZON]
past = sliding_window_view(vals, LOOKBACK, axis=0)[: -HORIZON]      # (n, n_signals, LOOKBACK)
future = sliding_window_view(turb[LOOKBACK:], HORIZON)               # (n, HORIZON)
n = min(len(past), len(future))
past, future = past[:n], future[:n]
t_index = hourly.index[LOOKBACK - 1: LOOKBACK - 1 + n]

ok = ~np.isnan(past).any(axis=(1, 2)) & ~np.isnan(future).any(axis=1)
X = past[ok].reshape(ok.sum(), -1)
y = np.log1p(future[ok].max(axis=1))
t_index = t_index[ok]
hour_of_day = t_index.hour.to_numpy()[:, None]
X = np.hstack([X, np.sin(2 * np.pi * hour_of_day / 24), np.cos(2 * np.pi * hour_of_day / 24)])
print("windows:", X.shape)

X_train, X_test, y_train, y_test, t_train, t_test = train_test_split(
    X, y, t_index, test_size=0.2, random_state=42
)

model = xgb.XGBRegressor(
    n_estimators=700,
    learning_rate=0.03,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.5,
    min_child_weight=5,
    tree_method="hist",
)
model.fit(X_train, y_train)

pred_ntu = np.expm1(model.predict(X_test))
true_ntu = np.expm1(y_test)
print(f"MAE  {mean_absolute_error(true_ntu, pred_ntu):.2f} NTU")
print(f"R2 (log) {r2_score(y_test, np.log1p(pred_ntu)):.3f}")

hit = (pred_ntu >= SHUTOFF_NTU) & (true_ntu >= SHUTOFF_NTU)
print(f"shut-off events caught: {hit.sum()} / {(true_ntu >= SHUTOFF_NTU).sum()}")
print(f"false shut-offs: {((pred_ntu >= SHUTOFF_NTU) & (true_ntu < SHUTOFF_NTU)).sum()}")

model.save_model("models/intake_turbidity_12h.json")
