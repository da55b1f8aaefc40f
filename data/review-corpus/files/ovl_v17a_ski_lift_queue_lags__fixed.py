# label: leakage/none
# twin: ovl_v17a_ski_lift_queue_lags__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Forecast the 15-minute average queue length at one chairlift from turnstile and weather logs."""
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

LIFT = "summit_express"
LAGS = [1, 2, 4, 96]          # 15-minute steps: 15 min, 30 min, 1 h, 1 day
ROLL = [4, 16]


def load_lift(path, lift):
    raw = pd.read_csv(path, parse_dates=["slot_start"])
    raw = raw[raw["lift"] == lift].sort_values("slot_start")
    raw = raw.set_index("slot_start").asfreq("15min")
    closed = raw["lift_open"].fillna(0).eq(0)
    raw.loc[closed, ["queue_len", "turnstile_scans"]] = 0.0
    return raw


def add_features(frame):
    out = frame.copy()
    for k in LAGS:
        out[f"queue_lag_{k}"] = out["queue_len"].shift(k)
    for w in ROLL:
        out[f"queue_roll_{w}"] = out["queue_len"].shift(1).rolling(w).mean()
    out["scans_lag_1"] = out["turnstile_scans"].shift(1)
    out["minute_of_day"] = out.index.hour * 60 + out.index.minute
    out["weekday"] = out.index.dayofweek
    out["holiday"] = out["school_holiday"].fillna(0).astype(int)
    out["fresh_snow_cm"] = out["fresh_snow_cm"].fillna(0.0)
    out["wind_gust_fcst_ms"] = out["wind_gust_fcst_ms"].ffill()
    out = out.between_time("08:30", "16:30")
    return out.dropna(subset=["queue_len", "queue_lag_96", "queue_roll_16", "scans_lag_1"])


lift = add_features(load_lift("data/lift_slots_2019_2024.csv", LIFT))
feature_cols = ([f"queue_lag_{k}" for k in LAGS] + [f"queue_roll_{w}" for w in ROLL]
                + ["scans_lag_1", "minute_of_day", "weekday", "holiday",
                   "fresh_snow_cm", "wind_gust_fcst_ms"])
X = lift[feature_cols].to_numpy()
y = lift["queue_len"].to_numpy()
print(f"{len(lift)} slots for {LIFT}")

model = Pipeline([("scale", StandardScaler()), ("ridge", Ridge(alpha=3.0))])
cv = TimeSeriesSplit(n_splits=5, gap=96)
res = cross_validate(model, X, y, cv=cv,
                     scoring=["neg_mean_absolute_error", "r2"], return_train_score=False)

mae = -res["test_neg_mean_absolute_error"]
print("fold MAE:", np.round(mae, 2))
print(f"CV MAE {mae.mean():.2f} +/- {mae.std():.2f} people")
print(f"CV R2  {res['test_r2'].mean():.3f}")

naive_mae = np.mean(np.abs(lift["queue_len"] - lift["queue_lag_1"]))
print(f"persistence baseline MAE {naive_mae:.2f}")
