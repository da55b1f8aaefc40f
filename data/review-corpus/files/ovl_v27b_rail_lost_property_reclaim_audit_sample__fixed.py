# label: leakage/none
"""Predict whether an item handed in to the rail lost-property office is reclaimed within 30 days."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

items = pd.read_csv("found_items.csv", parse_dates=["found_at", "reclaimed_at"])
stations = pd.read_csv("stations.csv")
items = items.merge(
    stations[["station_code", "station_footfall_k", "is_terminus"]], on="station_code", how="left"
)
items = items[items["category"].notna() & (items["category"] != "perishable")]
items = items.drop_duplicates("item_id")

days_to_claim = (items["reclaimed_at"] - items["found_at"]).dt.days
items["reclaimed_30d"] = (days_to_claim <= 30).astype(int)
items["hour"] = items["found_at"].dt.hour
items["weekday"] = items["found_at"].dt.dayofweek.astype(str)
items["has_owner_details"] = items[["name_on_item", "phone_on_item"]].notna().any(axis=1).astype(int)
items["is_terminus"] = items["is_terminus"].fillna(0).astype(int)

# item ids picked by the audit team for the frozen evaluation sample
with open("audit_holdout_ids.txt") as fh:
    holdout_ids = {line.strip() for line in fh if line.strip()}

in_holdout = items["item_id"].astype(str).isin(holdout_ids)
test = items[in_holdout]
train = items[~in_holdout]
print(f"train={len(train)} test={len(test)} reclaim rate={train['reclaimed_30d'].mean():.3f}")

NUM = ["value_estimate_gbp", "station_footfall_k", "hour"]
CAT = ["category", "colour", "station_code", "weekday", "handed_in_by"]
BIN = ["has_owner_details", "is_terminus"]

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUM),
    ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                          OneHotEncoder(handle_unknown="ignore", min_frequency=20)), CAT),
    ("bin", "passthrough", BIN),
])
model = Pipeline([
    ("prep", prep),
    ("clf", LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")),
])
model.fit(train[NUM + CAT + BIN], train["reclaimed_30d"])

proba = model.predict_proba(test[NUM + CAT + BIN])[:, 1]
print(f"Audit sample ROC AUC: {roc_auc_score(test['reclaimed_30d'], proba):.3f}")
print(f"Audit sample average precision: {average_precision_score(test['reclaimed_30d'], proba):.3f}")

coefs = pd.Series(model.named_steps["clf"].coef_[0],
                  index=model.named_steps["prep"].get_feature_names_out())
print(coefs.sort_values().tail(10))
