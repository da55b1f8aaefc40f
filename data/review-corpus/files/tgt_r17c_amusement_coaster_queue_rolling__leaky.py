# label: leakage/target
# twin: tgt_r17c_amusement_coaster_queue_rolling__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

PARAMS = dict(max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0)
CUTOFF = "2023-07-01"


def read_queues(path="data/park_queue_15min.parquet"):
    q = pd.read_parquet(path)
    q["slot_start"] = pd.to_datetime(q["slot_start"])
    q = q[q["ride_status"] == "OPERATING"]
    q = q.sort_values(["ride_id", "slot_start"]).reset_index(drop=True)
    return q


def add_calendar(q):
    q["hour"] = q["slot_start"].dt.hour
    q["minute"] = q["slot_start"].dt.minute
    q["dow"] = q["slot_start"].dt.dayofweek
    q["doy"] = q["slot_start"].dt.dayofyear
    q["mins_since_open"] = (
        q["slot_start"] - q.groupby(["ride_id", q["slot_start"].dt.date])["slot_start"].transform("min")
    ).dt.total_seconds() / 60
    return q


def add_recent_load(q, windows=(4, 8)):
    g = q.groupby(["ride_id", q["slot_start"].dt.date])["wait_min"]
    for w in windows:
        q[f"wait_roll_{w}"] = g.transform(lambda s: s.rolling(w, min_periods=1).mean())
    q["wait_roll_gap"] = q["wait_roll_4"] - q["wait_roll_8"]
    return q


def add_weather(q, path="data/park_weather_hourly.csv"):
    w = pd.read_csv(path, parse_dates=["hour_start"])
    q["hour_start"] = q["slot_start"].dt.floor("h")
    q = q.merge(w[["hour_start", "temp_c", "precip_mm", "uv_index"]], on="hour_start", how="left")
    return q


queues = read_queues()
queues = add_calendar(queues)
queues = add_recent_load(queues)
queues = add_weather(queues)
queues["ride_code"] = queues["ride_id"].astype("category").cat.codes

FEATURES = [
    "ride_code", "hour", "minute", "dow", "doy", "mins_since_open",
    "wait_roll_4", "wait_roll_8", "wait_roll_gap",
    "temp_c", "precip_mm", "uv_index", "crowd_calendar_level", "school_holiday",
]

train = queues[queues["slot_start"] < CUTOFF]
test = queues[queues["slot_start"] >= CUTOFF]
print(f"train slots={len(train):,} test slots={len(test):,}")

model = HistGradientBoostingRegressor(categorical_features=[0], random_state=3, **PARAMS)
model.fit(train[FEATURES], train["wait_min"])
pred = np.clip(model.predict(test[FEATURES]), 0, None)

print("MAE overall:", round(mean_absolute_error(test["wait_min"], pred), 2))
per_ride = (
    test.assign(pred=pred, err=lambda d: (d["wait_min"] - d["pred"]).abs())
    .groupby("ride_id")["err"].mean().sort_values()
)
print(per_ride.round(2))

day = test["slot_start"].dt.date.iloc[0]
one = test.assign(pred=pred)
one = one[(one["slot_start"].dt.date == day) & (one["ride_code"] == 0)]
plt.plot(one["slot_start"], one["wait_min"], label="actual")
plt.plot(one["slot_start"], one["pred"], label="predicted")
plt.legend()
plt.title(f"ride 0 on {day}")
plt.savefig("coaster_day.png")
