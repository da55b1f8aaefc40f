# label: leakage/overlap
"""Indoor karting: lap-time model from kart telemetry and session conditions.

Every customer drives many laps per session (and often several sessions), one row per lap.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.model_selection import KFold, cross_validate

PARAMS = dict(n_estimators=600, learning_rate=0.03, num_leaves=31,
              min_child_samples=40, subsample=0.8, subsample_freq=1,
              colsample_bytree=0.8, random_state=4, verbose=-1)

NUMERIC = ["lap_in_session", "session_minute", "track_temp_c", "driver_weight_kg",
           "kart_engine_hours", "tyre_laps", "avg_throttle", "brake_events",
           "max_lateral_g", "kerb_hits", "traffic_within_1s", "prior_sessions"]
CATEGORICAL = ["kart_no", "layout", "session_type"]
TARGET = "lap_time_s"


def load_laps(path="data/kart_laps.csv"):
    laps = pd.read_csv(path)
    laps = laps[laps["pit_lap"] == 0]
    # spins and yellow-flag laps are logged with a flag by the timing system
    laps = laps[(laps["yellow_flag"] == 0) & laps[TARGET].between(18.0, 75.0)]
    for col in CATEGORICAL:
        laps[col] = laps[col].astype("category")
    return laps.reset_index(drop=True)


def summarise(cv_out):
    rows = {}
    for key in ("test_mae", "test_rmse", "test_r2"):
        vals = cv_out[key]
        if key != "test_r2":
            vals = -vals
        rows[key.replace("test_", "")] = (vals.mean(), vals.std())
    return pd.DataFrame(rows, index=["mean", "std"]).T


laps = load_laps()
print(f"{len(laps)} laps, {laps['driver_id'].nunique()} drivers, "
      f"{laps['session_id'].nunique()} sessions")

X = laps[NUMERIC + CATEGORICAL]
y = laps[TARGET]
groups = laps["driver_id"]

cv = KFold(n_splits=5, shuffle=True, random_state=4)
scoring = {"mae": "neg_mean_absolute_error",
           "rmse": "neg_root_mean_squared_error",
           "r2": "r2"}
out = cross_validate(lgb.LGBMRegressor(**PARAMS), X, y, cv=cv,
                     scoring=scoring, return_estimator=True)
print(summarise(out).round(3))

importances = pd.DataFrame(
    [est.booster_.feature_importance("gain") for est in out["estimator"]],
    columns=NUMERIC + CATEGORICAL,
).mean().sort_values()
importances.tail(10).plot.barh(figsize=(6, 4), title="mean gain over folds")
plt.tight_layout()
plt.savefig("kart_importance.png", dpi=110)
