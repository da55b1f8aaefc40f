# label: leakage/overlap
"""Predict whether a ski-patrol incident ends in hospital transfer from the on-slope first assessment."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

incidents = pd.read_csv("ski_patrol_incidents.csv", parse_dates=["reported_at"])
weather = pd.read_csv("resort_morning_reports.csv", parse_dates=["date"])

incidents["date"] = incidents["reported_at"].dt.normalize()
incidents = incidents.merge(weather, on=["resort", "date"], how="left")
incidents = incidents.dropna(subset=["body_regions", "hospital_transfer"])

# one row per injured body region noted in the first assessment
incidents["body_region"] = incidents["body_regions"].str.lower().str.split(";")
rows = incidents.explode("body_region")
rows["body_region"] = rows["body_region"].str.strip()
rows = rows[rows["body_region"] != ""]

rows["hour"] = rows["reported_at"].dt.hour
rows["late_session"] = (rows["hour"] >= 14).astype(int)
rows["n_regions"] = rows.groupby("incident_id")["body_region"].transform("size")
rows["fresh_snow_cm"] = rows["overnight_snow_cm"].fillna(0)
rows["icy"] = (rows["prev_day_max_temp_c"] > 0) & (rows["temp_0800_c"] < -5)

CAT = ["body_region", "slope_grade", "activity", "ability_self_reported", "resort"]
NUM = ["age", "hour", "late_session", "n_regions", "fresh_snow_cm", "icy",
       "visibility_km", "wind_gust_kph", "helmet", "collision_with_object"]
for c in CAT:
    rows[c] = rows[c].astype("category")
rows["icy"] = rows["icy"].astype(int)

X = rows[CAT + NUM]
y = rows["hospital_transfer"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3, stratify=y)
print(f"{len(X_train)} train rows, {len(X_test)} test rows, transfer rate {y.mean():.2%}")

model = lgb.LGBMClassifier(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=3,
    verbose=-1,
)
model.fit(X_train, y_train, categorical_feature=CAT)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC  {roc_auc_score(y_test, proba):.3f}")
print(f"log loss {log_loss(y_test, proba):.3f}")

by_region = pd.DataFrame({"region": X_test["body_region"].astype(str), "y": y_test, "p": proba})
print(by_region.groupby("region").agg(n=("y", "size"), rate=("y", "mean"), pred=("p", "mean"))
      .sort_values("n", ascending=False).head(10))
top = np.argsort(-model.feature_importances_)[:8]
print([X.columns[i] for i in top])
