# label: leakage/none
# twin: ovl_r17c_hair_salon_rebooking_visits__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder
from sklearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedGroupKFold, cross_validate

REBOOK_WINDOW_DAYS = 42


def load_visits(path="pos_export/salon_visits.csv"):
    v = pd.read_csv(path, parse_dates=["visit_ts"])
    v = v[v["status"] == "completed"].sort_values(["client_id", "visit_ts"]).reset_index(drop=True)
    nxt = v.groupby("client_id")["visit_ts"].shift(-1)
    v["days_to_next"] = (nxt - v["visit_ts"]).dt.days
    v["rebooked"] = (v["days_to_next"] <= REBOOK_WINDOW_DAYS).astype(int)
    last_export = v["visit_ts"].max()
    v = v[v["visit_ts"] <= last_export - pd.Timedelta(days=REBOOK_WINDOW_DAYS)]
    return v


def visit_features(v):
    v["visit_number"] = v.groupby("client_id").cumcount() + 1
    prev = v.groupby("client_id")["visit_ts"].shift(1)
    v["days_since_prev"] = (v["visit_ts"] - prev).dt.days.fillna(-1)
    v["hour"] = v["visit_ts"].dt.hour
    v["weekday"] = v["visit_ts"].dt.dayofweek
    v["had_colour"] = v["services"].str.contains("colour|balayage|highlights", case=False).astype(int)
    v["had_treatment"] = v["services"].str.contains("treatment|keratin", case=False).astype(int)
    v["spend_per_min"] = v["ticket_total"] / v["duration_min"].clip(lower=15)
    v["bought_product"] = (v["retail_total"] > 0).astype(int)
    return v


visits = visit_features(load_visits())
print(visits.shape, "clients:", visits["client_id"].nunique(), "rebook rate:", visits["rebooked"].mean().round(3))

num = ["visit_number", "days_since_prev", "hour", "weekday", "had_colour", "had_treatment",
       "ticket_total", "duration_min", "spend_per_min", "bought_product", "client_age",
       "discount_pct", "tip_pct"]
cat = ["stylist_id", "hair_length", "booking_channel", "loyalty_tier"]

pre = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cat),
], remainder="passthrough")

model = Pipeline([
    ("pre", pre),
    ("rf", RandomForestClassifier(n_estimators=400, min_samples_leaf=10, max_features="sqrt",
                                  class_weight="balanced_subsample", n_jobs=-1, random_state=1)),
])

X = visits[num + cat]
y = visits["rebooked"]

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=1)
res = cross_validate(model, X, y, cv=cv, groups=visits["client_id"],
                     scoring=["roc_auc", "average_precision", "balanced_accuracy"],
                     return_train_score=True)

for k in ["roc_auc", "average_precision", "balanced_accuracy"]:
    tr, te = res[f"train_{k}"], res[f"test_{k}"]
    print(f"{k:18s} train {tr.mean():.3f}   cv {te.mean():.3f} +/- {te.std():.3f}")

model.fit(X, y)
names = model.named_steps["pre"].get_feature_names_out()
imp = pd.Series(model.named_steps["rf"].feature_importances_, index=names)
print(imp.sort_values(ascending=False).head(15).round(4))
