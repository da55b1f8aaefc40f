# label: leakage/target
"""Furniture assembly service: score booked jobs for complaint risk.

Jobs with a high score get a senior fitter or a longer slot. Label is a
customer complaint logged within 30 days of the assembly visit.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

EVENT_TYPES = ["reschedule", "customer_call", "parts_query", "access_note", "extra_visit_booked"]


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["booked_at", "scheduled_start"])
    jobs = jobs[jobs["status"] == "completed"]
    jobs["lead_days"] = (jobs["scheduled_start"] - jobs["booked_at"]).dt.days
    jobs["start_hour"] = jobs["scheduled_start"].dt.hour
    jobs["weekday"] = jobs["scheduled_start"].dt.day_name()
    return jobs


def event_counts(path):
    events = pd.read_csv(path, parse_dates=["event_time", "scheduled_start"])
    counts = (
        events.pivot_table(index="job_id", columns="event_type", values="event_time",
                           aggfunc="count", fill_value=0)
        .reindex(columns=EVENT_TYPES, fill_value=0)
        .add_prefix("n_")
    )
    return counts


jobs = load_jobs("ops/assembly_jobs_2023_2024.csv")
jobs = jobs.merge(event_counts("ops/job_events.csv"), left_on="job_id", right_index=True, how="left")
jobs[[f"n_{e}" for e in EVENT_TYPES]] = jobs[[f"n_{e}" for e in EVENT_TYPES]].fillna(0)

NUMERIC = [
    "items", "total_boxes", "est_minutes", "slot_minutes", "lead_days", "start_hour",
    "fitter_tenure_months", "wall_fixings", "floor_number", "order_value",
    *[f"n_{e}" for e in EVENT_TYPES],
]
CATEGORICAL = ["retailer", "product_range", "property_type", "weekday", "region"]

X = jobs[NUMERIC + CATEGORICAL]
y = jobs["complaint_30d"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=5)

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
    remainder="passthrough",
    verbose_feature_names_out=False,
)
model = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=500, max_leaf_nodes=31,
        categorical_features=list(range(len(CATEGORICAL))), random_state=5,
    )),
])
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"complaint rate: {y.mean():.2%}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")

top_decile = proba >= pd.Series(proba).quantile(0.9)
print(f"complaint rate in top-decile scores: {y_test[top_decile].mean():.2%}")
