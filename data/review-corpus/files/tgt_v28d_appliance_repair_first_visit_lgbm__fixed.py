# label: leakage/none
"""First-time-fix model for the home appliance repair desk.

Scored when a job is booked so the scheduler can send a senior engineer or
pre-load the van. One row per job from the field service system.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

jobs = pd.read_csv("fsm_exports/repair_jobs_2022_2024.csv", parse_dates=["booked_at", "scheduled_visit"])
jobs = jobs[jobs["status"] != "cancelled"].sort_values("booked_at").reset_index(drop=True)

jobs["appliance_age_yrs"] = jobs["appliance_age_yrs"].clip(upper=25)
jobs["lead_days"] = (jobs["scheduled_visit"] - jobs["booked_at"]).dt.days
jobs["booked_dow"] = jobs["booked_at"].dt.dayofweek
jobs["symptom_words"] = jobs["symptom_text"].fillna("").str.split().str.len()

CATS = ["appliance_type", "brand", "fault_code", "region", "visit_slot"]
NUMS = [
    "appliance_age_yrs", "under_warranty", "engineer_tenure_yrs", "engineer_brand_jobs_12m",
    "van_stock_lines", "prior_jobs_address_24m", "lead_days", "booked_dow", "symptom_words",
]
TARGET = "first_time_fix"

test_start = pd.Timestamp("2024-07-01")
val_start = pd.Timestamp("2024-04-01")
train = jobs[jobs["booked_at"] < val_start].copy()
val = jobs[(jobs["booked_at"] >= val_start) & (jobs["booked_at"] < test_start)].copy()
test = jobs[jobs["booked_at"] >= test_start].copy()

for c in CATS:
    train[c] = train[c].astype("category")
    val[c] = pd.Categorical(val[c], categories=train[c].cat.categories)
    test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)

features = CATS + NUMS
dtrain = lgb.Dataset(train[features], train[TARGET], categorical_feature=CATS)
dval = lgb.Dataset(val[features], val[TARGET], reference=dtrain)

params = {
    "objective": "binary",
    "metric": "auc",
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "cat_smooth": 20,
    "verbose": -1,
}
booster = lgb.train(
    params, dtrain, num_boost_round=3000, valid_sets=[dval], valid_names=["val"],
    callbacks=[lgb.early_stopping(150), lgb.log_evaluation(200)],
)

p_test = booster.predict(test[features], num_iteration=booster.best_iteration)
y_test = test[TARGET].to_numpy()
print(f"jobs from {test_start.date()}: n={len(test)}, first-time-fix rate {y_test.mean():.3f}")
print(f"ROC AUC {roc_auc_score(y_test, p_test):.3f}")
# the desk cares about catching the jobs that will need a second visit
print(f"AP (second visit) {average_precision_score(1 - y_test, 1 - p_test):.3f}")

gain = pd.Series(booster.feature_importance("gain"), index=features)
print((gain / gain.sum()).sort_values(ascending=False).round(3).head(12))

test["p_ftf"] = p_test
worst = test.nsmallest(int(0.1 * len(test)), "p_ftf")
print(f"second-visit rate in lowest decile: {1 - worst[TARGET].mean():.3f}")
print(worst.groupby("appliance_type", observed=True).size().sort_values(ascending=False).head())
