# label: leakage/none
"""Predict whether a racing pigeon homes on race day, for lofts that are new to the federation."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

entries = pd.read_csv("race_entries.csv", parse_dates=["race_date"])
conditions = pd.read_csv("race_conditions.csv", parse_dates=["race_date"])
birds = pd.read_csv("bird_register.csv", parse_dates=["hatched_on"])
lofts = pd.read_csv("loft_register.csv")

df = (
    entries.merge(conditions, on=["race_id", "race_date"], how="left")
    .merge(birds, on="ring_no", how="left")
    .merge(lofts, on="loft_id", how="left")
)
df = df[df["scratched"] == 0].copy()

df["age_months"] = (df["race_date"] - df["hatched_on"]).dt.days / 30.44
df = df.sort_values(["ring_no", "race_date"])
df["prior_races"] = df.groupby("ring_no").cumcount()
df["days_since_last_race"] = df.groupby("ring_no")["race_date"].diff().dt.days.fillna(-1)
# wind_dir_deg is where the wind blows from; positive means flying into it
df["headwind_ms"] = df["wind_speed_ms"] * np.cos(np.radians(df["wind_dir_deg"] - df["course_bearing_deg"]))
df["homed"] = df["homed_same_day"].astype(int)

CAT = ["sex", "strain", "colour"]
NUM = [
    "distance_km", "headwind_ms", "release_temp_c", "cloud_cover_okta", "visibility_km",
    "basket_hours", "age_months", "prior_races", "days_since_last_race", "loft_altitude_m",
]
df[CAT] = df[CAT].fillna("unknown").astype(str)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=17)
train_idx, test_idx = next(splitter.split(df, df["homed"], groups=df["loft_id"]))
train, test = df.iloc[train_idx], df.iloc[test_idx]
print(f"train rows {len(train)}, test rows {len(test)}")

model = CatBoostClassifier(
    iterations=800,
    depth=6,
    learning_rate=0.05,
    l2_leaf_reg=5,
    loss_function="Logloss",
    random_seed=17,
    verbose=0,
)
model.fit(train[NUM + CAT], train["homed"], cat_features=CAT)

proba = model.predict_proba(test[NUM + CAT])[:, 1]
print(f"Test ROC AUC: {roc_auc_score(test['homed'], proba):.3f}")
print(f"Test log loss: {log_loss(test['homed'], proba):.4f}")
importances = pd.Series(model.get_feature_importance(), index=NUM + CAT)
print(importances.sort_values(ascending=False).head(8))
