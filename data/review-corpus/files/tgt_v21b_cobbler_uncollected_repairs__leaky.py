# label: leakage/target
"""Shoe-repair counter: which jobs will never be collected?

A job counts as abandoned when the pair is still on the shelf 120 days after it was
ready. The score is meant for the counter at drop-off, to decide when to take a
deposit up front.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, average_precision_score

JOBS = "pos_export/repair_jobs.csv"
CUSTOMERS = "pos_export/customers.csv"
CUTOFF = "2023-07-01"

CATEGORICAL = ["job_type", "item_type", "material", "payment_method", "shop"]
NUMERIC = [
    "quoted_price", "deposit_paid", "n_items", "promised_days", "customer_prior_jobs", "customer_tenure_days",
    "has_mobile", "dropoff_weekday", "reminder_sms_count",
]


def load_jobs():
    jobs = pd.read_csv(JOBS, parse_dates=["dropoff_date", "ready_date", "collected_date"])
    customers = pd.read_csv(CUSTOMERS, parse_dates=["first_visit"])
    jobs = jobs.merge(customers[["customer_id", "has_mobile", "first_visit"]], on="customer_id", how="left")
    jobs = jobs.sort_values("dropoff_date").reset_index(drop=True)

    waited = (jobs["collected_date"].fillna(pd.Timestamp.max.normalize()) - jobs["ready_date"]).dt.days
    jobs["abandoned"] = (waited > 120).astype(int)

    grp = jobs.groupby("customer_id")
    jobs["customer_prior_jobs"] = grp.cumcount()
    jobs["customer_tenure_days"] = (jobs["dropoff_date"] - jobs["first_visit"]).dt.days
    jobs["dropoff_weekday"] = jobs["dropoff_date"].dt.weekday
    jobs["promised_days"] = (jobs["promised_date"].pipe(pd.to_datetime) - jobs["dropoff_date"]).dt.days
    jobs["has_mobile"] = jobs["has_mobile"].fillna(0).astype(int)
    for col in CATEGORICAL:
        jobs[col] = jobs[col].astype("category")
    return jobs


jobs = load_jobs()
mature = jobs[jobs["ready_date"] < pd.Timestamp("2024-06-01") - pd.Timedelta(days=120)]
train = mature[mature["dropoff_date"] < CUTOFF]
test = mature[mature["dropoff_date"] >= CUTOFF]
features = CATEGORICAL + NUMERIC
print(f"train {len(train)}  test {len(test)}  abandoned rate {train['abandoned'].mean():.3%}")

params = dict(
    objective="binary", n_estimators=700, learning_rate=0.02, num_leaves=15,
    min_child_samples=40, reg_lambda=2.0, colsample_bytree=0.8, random_state=4, verbose=-1,
)
model = lgb.LGBMClassifier(**params)
model.fit(train[features], train["abandoned"])

proba = model.predict_proba(test[features])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['abandoned'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test['abandoned'], proba):.3f}")

test = test.assign(risk=proba)
test["risk_decile"] = pd.qcut(test["risk"].rank(method="first"), 10, labels=False) + 1
lift = test.groupby("risk_decile")["abandoned"].agg(["mean", "size"])
print(lift.round(3))

shelf_cost = test.loc[test["risk_decile"] == 10, "quoted_price"].sum()
print(f"value of jobs in the top risk decile: {shelf_cost:,.0f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=features).sort_values()
imp.plot.barh(figsize=(6, 4), title="gain importance")
plt.tight_layout()
plt.savefig("cobbler_abandoned_importance.png", dpi=120)
