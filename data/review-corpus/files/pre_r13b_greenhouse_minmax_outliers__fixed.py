# label: leakage/none
# twin: pre_r13b_greenhouse_minmax_outliers__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Greenhouse humidity control: forecast relative humidity 30 minutes ahead.

10-minute climate-computer log. The forecast feeds the misting/vent
controller, so the last 20 % of the log is kept as a time-ordered test period.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

HORIZON = 3  # steps of 10 minutes
SENSORS = ["rh_pct", "air_temp_c", "leaf_temp_c", "co2_ppm", "par_umol",
           "vent_open_pct", "outside_rh_pct", "outside_temp_c", "rh_change_10min"]
CONTROLS = ["mister_on", "heating_on", "screen_closed"]

log = pd.read_csv("data/greenhouse_10min.csv", parse_dates=["ts"]).set_index("ts").sort_index()
log["rh_change_10min"] = log["rh_pct"].diff()
log["hour_sin"] = np.sin(2 * np.pi * log.index.hour / 24)
log["hour_cos"] = np.cos(2 * np.pi * log.index.hour / 24)
log["rh_target"] = log["rh_pct"].shift(-HORIZON)
log = log.dropna(subset=SENSORS + CONTROLS + ["rh_target"])

cut = int(len(log) * 0.8)
train, test = log.iloc[: cut - HORIZON].copy(), log.iloc[cut:].copy()  # small gap at the boundary

# glitch filter and scaling statistics come from the training period only
z = (train[SENSORS] - train[SENSORS].mean()) / train[SENSORS].std()
train = train[(z.abs() <= 4).all(axis=1)].copy()
lo, hi = train[SENSORS].min(), train[SENSORS].max()
train[SENSORS] = (train[SENSORS] - lo) / (hi - lo)
test[SENSORS] = (test[SENSORS] - lo) / (hi - lo)

features = SENSORS + CONTROLS + ["hour_sin", "hour_cos"]
model = HistGradientBoostingRegressor(learning_rate=0.05, max_iter=600, l2_regularization=1.0)
model.fit(train[features], train["rh_target"])
pred = model.predict(test[features])

persistence = test["rh_pct"] * (hi["rh_pct"] - lo["rh_pct"]) + lo["rh_pct"]
print(f"train {train.index.min()} .. {train.index.max()}, test from {test.index.min()}")
print(f"model MAE: {mean_absolute_error(test['rh_target'], pred):.2f} %RH")
print(f"persistence MAE: {mean_absolute_error(test['rh_target'], persistence):.2f} %RH")
