# label: leakage/none
# twin: sel_r13_xgb_early_stop_on_test__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Arrival-delay classifier (>= 15 min late) for a regional carrier, 2023 schedule."""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

FEATURES = [
    "dep_hour", "day_of_week", "month", "distance_mi", "sched_block_min",
    "sched_deps_origin_hour", "sched_arrs_dest_hour", "aircraft_age_yr",
    "turnaround_buffer_min",
]
PARAMS = {
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "eta": 0.05,
    "max_depth": 6,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 5,
}


def load_flights(path):
    df = pd.read_csv(path, parse_dates=["sched_dep"])
    df["dep_hour"] = df["sched_dep"].dt.hour
    df["day_of_week"] = df["sched_dep"].dt.dayofweek
    df["month"] = df["sched_dep"].dt.month
    df["delayed"] = (df["arr_delay_min"] >= 15).astype(int)
    return df.sort_values("sched_dep").reset_index(drop=True)


def to_dmatrix(frame):
    return xgb.DMatrix(frame[FEATURES], label=frame["delayed"])


flights = load_flights("data/flights_2023.csv")
train = flights[flights["sched_dep"] < "2023-11-01"]
test = flights[flights["sched_dep"] >= "2023-11-01"]
# early stopping watches the last two training months, never the test months
fit_part = train[train["sched_dep"] < "2023-09-01"]
valid = train[train["sched_dep"] >= "2023-09-01"]

dfit = to_dmatrix(fit_part)
dvalid = to_dmatrix(valid)
dtest = to_dmatrix(test)

booster = xgb.train(
    PARAMS,
    dfit,
    num_boost_round=3000,
    evals=[(dfit, "train"), (dvalid, "valid")],
    early_stopping_rounds=100,
    verbose_eval=200,
)

best_range = (0, booster.best_iteration + 1)
test_pred = booster.predict(dtest, iteration_range=best_range)
print(f"stopped at round {booster.best_iteration}")
print(f"Nov-Dec test AUC: {roc_auc_score(test['delayed'], test_pred):.4f}")
booster.save_model("models/delay_xgb.json")
