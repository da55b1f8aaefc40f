# label: leakage/none
# twin: sel_r13b_cargo_eta_lgbm_early_stop__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Cargo ship ETA error: hours between the declared ETA and the actual berth arrival.

One row per voyage; the most recent 20 % of departures are held out.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

FEATURES = [
    "distance_nm", "dwt", "draught_m", "declared_speed_kn", "wind_bf_forecast",
    "wave_height_forecast_m", "port_congestion_idx", "berth_queue_at_departure",
    "departure_month", "departure_hour", "is_canal_route",
]
TARGET = "eta_error_h"


def time_split(frame, holdout_frac):
    frame = frame.sort_values("departure_ts")
    cut = int(len(frame) * (1.0 - holdout_frac))
    return frame.iloc[:cut], frame.iloc[cut:]


voyages = pd.read_csv("data/voyages.csv", parse_dates=["departure_ts"])
voyages = voyages.drop_duplicates(subset="voyage_id")
voyages["departure_month"] = voyages["departure_ts"].dt.month
voyages["departure_hour"] = voyages["departure_ts"].dt.hour
train, test = time_split(voyages, 0.2)
# early stopping watches the latest slice of the training period, never the test voyages
fit_part, val_part = time_split(train, 0.15)

model = lgb.LGBMRegressor(
    objective="l1", n_estimators=5000, learning_rate=0.03, num_leaves=31,
    min_child_samples=40, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
    random_state=0,
)
model.fit(
    fit_part[FEATURES], fit_part[TARGET],
    eval_set=[(val_part[FEATURES], val_part[TARGET])],
    eval_metric="l1",
    callbacks=[lgb.early_stopping(stopping_rounds=200), lgb.log_evaluation(period=250)],
)

pred = model.predict(test[FEATURES], num_iteration=model.best_iteration_)
abs_err = np.abs(test[TARGET].to_numpy() - pred)
print(f"best iteration: {model.best_iteration_}")
print(f"test MAE: {mean_absolute_error(test[TARGET], pred):.2f} h")
print(f"test P90 absolute error: {np.quantile(abs_err, 0.9):.2f} h")
