# label: leakage/none
# Subterranean termite treatments: which jobs will need a re-treatment callback
# within 90 days? Scheduling wants to hold technician capacity for them.
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, average_precision_score

jobs = pd.read_csv("crm/termite_treatments.csv", parse_dates=["treatment_date"])
visits = pd.read_csv("crm/property_visits.csv", parse_dates=["visit_date"])
props = pd.read_csv("crm/properties.csv")

# first treatment per property only
jobs = (jobs.sort_values("treatment_date")
            .drop_duplicates("property_id", keep="first")
            .reset_index(drop=True))
jobs = jobs.merge(props, on="property_id", how="left")

# visit history per property
prior = visits.merge(jobs[["property_id", "treatment_date"]], on="property_id", how="inner")
prior = prior[prior["visit_date"] < prior["treatment_date"]]
visit_stats = (prior.groupby("property_id")
                    .agg(n_visits=("visit_id", "count"),
                         n_inspections=("visit_type", lambda s: (s == "inspection").sum()),
                         mean_visit_minutes=("duration_min", "mean"),
                         last_visit=("visit_date", "max"))
                    .reset_index())
jobs = jobs.merge(visit_stats, on="property_id", how="left")
jobs["days_since_last_visit"] = (jobs["treatment_date"] - jobs["last_visit"]).dt.days
jobs[["n_visits", "n_inspections"]] = jobs[["n_visits", "n_inspections"]].fillna(0)

jobs["month"] = jobs["treatment_date"].dt.month
jobs["litres_per_m"] = jobs["termiticide_litres"] / jobs["perimeter_m"].clip(lower=1)
for c in ["construction", "foundation_type", "product", "method", "region"]:
    jobs[c] = jobs[c].astype("category")

FEATURES = ["building_age", "perimeter_m", "litres_per_m", "soil_moisture_index",
            "slab_on_ground", "n_bait_stations", "technician_years", "month",
            "construction", "foundation_type", "product", "method", "region",
            "n_visits", "n_inspections", "mean_visit_minutes", "days_since_last_visit"]
X = jobs[FEATURES]
y = jobs["callback_90d"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=8)

clf = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=31,
                         min_child_samples=30, colsample_bytree=0.8,
                         is_unbalance=True, random_state=8, verbose=-1)
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
print(f"callback rate in test: {y_test.mean():.2%}")
print(f"ROC AUC {roc_auc_score(y_test, p):.3f}   PR AUC {average_precision_score(y_test, p):.3f}")

top = np.argsort(-p)[: int(0.1 * len(p))]
print(f"callbacks captured in top 10% of scores: {y_test.iloc[top].sum() / y_test.sum():.1%}")
print(pd.Series(clf.feature_importances_, index=FEATURES).sort_values(ascending=False))
