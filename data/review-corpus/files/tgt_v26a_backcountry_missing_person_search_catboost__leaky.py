# label: leakage/target
"""Predict whether a person reported missing in the backcountry is found alive."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

incidents = pd.read_csv("sar_incidents.csv", parse_dates=["last_seen_at", "reported_at", "closed_at"])
subjects = pd.read_csv("sar_subjects.csv")          # incident_id, age, sex, activity, experience, ...
weather = pd.read_csv("sar_weather_at_report.csv")  # incident_id, overnight_low_c, snow_cover, precip_mm_24h

df = (
    incidents[incidents["status"] == "closed"]
    .merge(subjects, on="incident_id", how="inner")
    .merge(weather, on="incident_id", how="left")
)
df = df[df["outcome"].isin(["found_alive", "found_deceased", "not_found"])].copy()
df["found_alive"] = (df["outcome"] == "found_alive").astype(int)

df["hours_overdue"] = (df["reported_at"] - df["last_seen_at"]).dt.total_seconds() / 3600
df["search_hours"] = (df["closed_at"] - df["reported_at"]).dt.total_seconds() / 3600
df["reported_at_night"] = (~df["reported_at"].dt.hour.between(7, 19)).astype(int)
df["month"] = df["reported_at"].dt.month
df["age_band"] = pd.cut(df["age"], [0, 12, 17, 30, 50, 65, 120], labels=False)
for col in ["carried_phone", "carried_beacon", "has_medical_condition"]:
    df[col] = df[col].fillna(False).astype(int)
df["party_size"] = df["party_size"].fillna(1)

cat_features = ["activity", "experience", "terrain", "region", "sex", "snow_cover"]
num_features = ["age", "age_band", "hours_overdue", "search_hours", "reported_at_night", "month",
                "party_size", "carried_phone", "carried_beacon", "has_medical_condition",
                "overnight_low_c", "precip_mm_24h"]
features = cat_features + num_features
for c in cat_features:
    df[c] = df[c].fillna("unknown").astype(str)

# two most recent seasons are held out
df["year"] = df["reported_at"].dt.year
last_years = sorted(df["year"].unique())[-2:]
train = df[~df["year"].isin(last_years)]
test = df[df["year"].isin(last_years)]
print(f"train {len(train)} incidents ({train['found_alive'].mean():.2f} alive), test {len(test)}")

train_pool = Pool(train[features], train["found_alive"], cat_features=cat_features)
test_pool = Pool(test[features], test["found_alive"], cat_features=cat_features)

model = CatBoostClassifier(iterations=800, depth=6, learning_rate=0.05, l2_leaf_reg=5,
                           loss_function="Logloss", random_seed=8, verbose=False)
model.fit(train_pool)

proba = model.predict_proba(test_pool)[:, 1]
print(f"ROC AUC: {roc_auc_score(test['found_alive'], proba):.3f}")
print(f"average precision (deceased/not found): "
      f"{average_precision_score(1 - test['found_alive'], 1 - proba):.3f}")
importance = pd.Series(model.get_feature_importance(train_pool), index=features)
print(importance.sort_values(ascending=False).round(2).head(10))
