# label: leakage/target
"""Will a reported pothole be repaired within 14 days? (city 311 work orders)"""
import pandas as pd
import numpy as np
import lightgbm as lgb
from sklearn.metrics import roc_auc_score, classification_report

PATHS = {"orders": "data/pothole_work_orders.parquet",
         "segments": "data/road_segments.csv"}
CUTOFF = "2024-01-01"
SLA_DAYS = 14

CAT_COLS = ["road_class", "ward", "report_channel", "surface_type"]
NUM_COLS = ["speed_limit_kmh", "aadt", "surface_age_years", "est_depth_cm",
            "est_width_cm", "prior_reports_90d", "open_orders_ward_at_report",
            "crew_count_ward", "report_hour", "report_weekday",
            "report_month", "frost_days_prev14", "days_open_at_update"]


def load_orders():
    orders = pd.read_parquet(PATHS["orders"])
    for c in ["reported_at", "closed_at", "last_modified_at"]:
        orders[c] = pd.to_datetime(orders[c])
    segments = pd.read_csv(PATHS["segments"])
    orders = orders.merge(segments, on="segment_id", how="left")
    orders = orders[orders["status"] != "DUPLICATE"]
    return orders


def make_label(df):
    days = (df["closed_at"] - df["reported_at"]).dt.total_seconds() / 86400
    return (days.notna() & (days <= SLA_DAYS)).astype(int)


def make_features(df):
    out = pd.DataFrame(index=df.index)
    out["report_hour"] = df["reported_at"].dt.hour
    out["report_weekday"] = df["reported_at"].dt.dayofweek
    out["report_month"] = df["reported_at"].dt.month
    out["days_open_at_update"] = (df["last_modified_at"] - df["reported_at"]).dt.days
    for c in NUM_COLS:
        if c not in out:
            out[c] = df[c]
    for c in CAT_COLS:
        out[c] = df[c].astype("category")
    return out[CAT_COLS + NUM_COLS]


orders = load_orders()
orders["repaired_in_sla"] = make_label(orders)
print(orders["repaired_in_sla"].mean().round(3), "share repaired within SLA")

train = orders[orders["reported_at"] < CUTOFF]
test = orders[orders["reported_at"] >= CUTOFF]
X_train, y_train = make_features(train), train["repaired_in_sla"]
X_test, y_test = make_features(test), test["repaired_in_sla"]

for c in CAT_COLS:
    X_test[c] = pd.Categorical(X_test[c], categories=X_train[c].cat.categories)

clf = lgb.LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=48,
                         min_child_samples=40, colsample_bytree=0.8,
                         random_state=21, verbose=-1)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"AUC 2024 reports: {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba > 0.5).astype(int), digits=3))

imp = pd.Series(clf.booster_.feature_importance("gain"), index=X_train.columns)
print(imp.sort_values(ascending=False).head(10).round(0))
