# label: leakage/preprocessing
"""Escape-of-water claim propensity for household buildings cover.

Policy year 2022 for training, policy year 2023 as the test year.
Outcome: at least one escape-of-water claim notified during the policy year.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import log_loss, roc_auc_score

train = pd.read_csv("pricing/hh_buildings_py2022.csv", dtype={"postcode_sector": str})
test = pd.read_csv("pricing/hh_buildings_py2023.csv", dtype={"postcode_sector": str})

for frame in (train, test):
    frame["property_age"] = frame["policy_year"] - frame["year_built"]
    frame["beds_per_bath"] = frame["bedrooms"] / frame["bathrooms"].clip(lower=1)
    frame["postcode_area"] = frame["postcode_sector"].str.extract(r"^([A-Z]{1,2})")[0]
    frame["unoccupied_flag"] = (frame["days_unoccupied_max"] > 30).astype(int)

# how many policies we hold per postcode sector / area (book density)
both = pd.concat([train, test], ignore_index=True)
sector_counts = both["postcode_sector"].value_counts()
area_counts = both["postcode_area"].value_counts()
for frame in (train, test):
    frame["sector_policy_count"] = frame["postcode_sector"].map(sector_counts).astype(float)
    frame["area_policy_count"] = frame["postcode_area"].map(area_counts).astype(float)
    frame["sector_share_of_area"] = frame["sector_policy_count"] / frame["area_policy_count"]

cats = ["property_type", "construction", "heating_type", "roof_type", "occupancy", "channel"]
nums = [
    "property_age", "bedrooms", "bathrooms", "beds_per_bath", "sum_insured_k",
    "voluntary_excess", "prior_claims_5y", "unoccupied_flag", "flood_zone",
    "sector_policy_count", "area_policy_count", "sector_share_of_area",
]
for c in cats:
    cat_type = pd.CategoricalDtype(sorted(train[c].dropna().unique()))
    train[c] = train[c].astype(cat_type)
    test[c] = test[c].astype(cat_type)

X_train, y_train = train[cats + nums], train["eow_claim"]
X_test, y_test = test[cats + nums], test["eow_claim"]

clf = xgb.XGBClassifier(
    n_estimators=400,
    learning_rate=0.04,
    max_depth=4,
    min_child_weight=20,
    subsample=0.8,
    colsample_bytree=0.7,
    tree_method="hist",
    enable_categorical=True,
    eval_metric="logloss",
)
clf.fit(X_train, y_train, sample_weight=train["exposure_years"])

p = clf.predict_proba(X_test)[:, 1]
print(f"2023 AUC {roc_auc_score(y_test, p):.4f}  logloss {log_loss(y_test, p):.4f}")

# lift by decile for the pricing committee
test["score"] = p
test["decile"] = pd.qcut(test["score"].rank(method="first"), 10, labels=False) + 1
lift = test.groupby("decile").agg(policies=("eow_claim", "size"), claim_rate=("eow_claim", "mean"))
lift["lift"] = lift["claim_rate"] / test["eow_claim"].mean()
print(lift.round(3))
np.save("pricing/eow_scores_py2023.npy", p)
