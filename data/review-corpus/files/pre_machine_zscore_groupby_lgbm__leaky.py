# label: leakage/preprocessing
# twin: pre_machine_zscore_groupby_lgbm__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Predict spindle failure in the next 24 h from daily machine telemetry."""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score

SENSORS = ["spindle_temp", "vibration_rms", "current_a", "coolant_flow"]
CUTOFF = pd.Timestamp("2024-07-01")

daily = pd.read_parquet("data/cnc_daily_telemetry.parquet").sort_values(["machine_id", "date"])

# machines differ in baseline; express every sensor relative to its own machine
by_machine = daily.groupby("machine_id")
for col in SENSORS:
    daily[f"{col}_z"] = (daily[col] - by_machine[col].transform("mean")) / by_machine[col].transform("std")
    daily[f"{col}_z_lag1"] = daily.groupby("machine_id")[f"{col}_z"].shift(1)

features = [f"{c}_z" for c in SENSORS] + [f"{c}_z_lag1" for c in SENSORS] + ["days_since_service"]
daily = daily.dropna(subset=features)

train = daily[daily["date"] < CUTOFF]
test = daily[daily["date"] >= CUTOFF]

params = {"objective": "binary", "learning_rate": 0.03, "num_leaves": 31,
          "scale_pos_weight": 20, "feature_fraction": 0.8, "seed": 13, "verbose": -1}
booster = lgb.train(params, lgb.Dataset(train[features], train["fail_next_24h"]),
                    num_boost_round=500)
score = booster.predict(test[features])
print(f"PR-AUC after {CUTOFF.date()}: {average_precision_score(test['fail_next_24h'], score):.3f}")
