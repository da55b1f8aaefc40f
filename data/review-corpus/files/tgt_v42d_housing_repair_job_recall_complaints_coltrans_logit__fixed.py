# label: leakage/none
"""Repeat-repair ("recall") risk for responsive repairs in the housing stock.

A job counts as recalled when the same property gets another job in the same
trade within 28 days of completion. The score is attached to the job when it
is raised, so supervisors can send a senior operative first time.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, average_precision_score, log_loss
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["trade", "priority", "property_type", "heating_type", "patch", "reported_via"]
NUMERIC = ["property_age_years", "bedrooms", "jobs_last_12m", "same_trade_jobs_last_12m",
           "tenancy_years", "complaints_90d", "vulnerable_household"]


def label_recalls(jobs):
    jobs = jobs.sort_values(["property_id", "trade", "reported_at"]).copy()
    next_reported = jobs.groupby(["property_id", "trade"])["reported_at"].shift(-1)
    gap_days = (next_reported - jobs["completed_at"]).dt.days
    jobs["recalled"] = gap_days.between(0, 28).astype(int)
    return jobs


def history_counts(jobs):
    jobs = jobs.sort_values("reported_at").copy()
    jobs["one"] = 1
    per_prop = jobs.set_index("reported_at").groupby("property_id")["one"]
    jobs["jobs_last_12m"] = per_prop.transform(lambda s: s.rolling("365D", closed="left").count()).fillna(0).to_numpy()
    per_trade = jobs.set_index("reported_at").groupby(["property_id", "trade"])["one"]
    jobs["same_trade_jobs_last_12m"] = (
        per_trade.transform(lambda s: s.rolling("365D", closed="left").count()).fillna(0).to_numpy()
    )
    return jobs.drop(columns="one")


def complaint_counts(jobs, complaints, days=90):
    pairs = jobs[["job_id", "property_id", "reported_at", "completed_at"]].merge(
        complaints[["property_id", "logged_at"]], on="property_id"
    )
    window = pd.Timedelta(days=days)
    in_window = (pairs["logged_at"] < pairs["reported_at"]) & (
        pairs["logged_at"] >= pairs["reported_at"] - window
    )
    counts = pairs[in_window].groupby("job_id").size().rename(f"complaints_{days}d")
    return jobs.merge(counts, on="job_id", how="left").fillna({f"complaints_{days}d": 0})


jobs = pd.read_csv("repairs/responsive_jobs.csv", parse_dates=["reported_at", "completed_at"])
complaints = pd.read_csv("repairs/tenant_complaints.csv", parse_dates=["logged_at"])
props = pd.read_csv("repairs/property_register.csv")

jobs = jobs[jobs["status"] == "completed"].merge(props, on="property_id", how="left")
jobs = label_recalls(jobs)
jobs = history_counts(jobs)
jobs = complaint_counts(jobs, complaints)
jobs = jobs.dropna(subset=CATEGORICAL + NUMERIC)
print(f"{len(jobs)} jobs, recall rate {jobs['recalled'].mean():.1%}")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=4)
train_idx, test_idx = next(splitter.split(jobs, groups=jobs["property_id"]))
train, test = jobs.iloc[train_idx], jobs.iloc[test_idx]

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
        ("num", StandardScaler(), NUMERIC),
    ])),
    ("clf", LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")),
])
pipe.fit(train[CATEGORICAL + NUMERIC], train["recalled"])

proba = pipe.predict_proba(test[CATEGORICAL + NUMERIC])[:, 1]
print(f"ROC AUC {roc_auc_score(test['recalled'], proba):.3f}")
print(f"PR AUC  {average_precision_score(test['recalled'], proba):.3f}")
print(f"log loss {log_loss(test['recalled'], proba):.3f}")

names = pipe.named_steps["prep"].get_feature_names_out()
coefs = pd.Series(pipe.named_steps["clf"].coef_[0], index=names)
print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(12).round(3))

by_trade = test.assign(p=proba).groupby("trade").agg(jobs=("recalled", "size"),
                                                     recall_rate=("recalled", "mean"),
                                                     mean_p=("p", "mean"))
print(by_trade.round(3).to_string())
print("decile lift:", np.round(
    test.assign(p=proba).groupby(pd.qcut(proba, 10, labels=False))["recalled"].mean().to_numpy(), 3))
