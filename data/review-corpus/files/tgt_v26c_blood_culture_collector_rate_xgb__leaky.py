# label: leakage/target
"""Predict at draw time whether a blood culture set will turn out to be contaminated."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

cultures = pd.read_parquet("blood_culture_sets.parquet")
staff = pd.read_csv("collector_roster.csv")
wards = pd.read_csv("ward_lookup.csv")

df = cultures.merge(staff, on="collector_id", how="left").merge(wards, on="ward_code", how="left")
df["drawn_at"] = pd.to_datetime(df["drawn_at"])
df = df[df["final_interpretation"].isin(["negative", "true_positive", "contaminant"])]
df = df.sort_values("drawn_at").reset_index(drop=True)
df["contaminated"] = (df["final_interpretation"] == "contaminant").astype(int)

WARD_CODES = {"emergency": 0, "icu": 1, "medical": 2, "surgical": 3, "paediatric": 4, "oncology": 5}
ROLE_CODES = {"phlebotomist": 0, "nurse": 1, "junior_doctor": 2, "senior_doctor": 3, "student": 4}

df["hour"] = df["drawn_at"].dt.hour
df["night_shift"] = ((df["hour"] >= 22) | (df["hour"] < 7)).astype(int)
df["weekend"] = (df["drawn_at"].dt.dayofweek >= 5).astype(int)
df["via_line"] = (df["draw_site"] == "central_line").astype(int)
df["underfilled"] = (df["aerobic_volume_ml"] < 8).astype(int)
df["single_set"] = (df["sets_ordered"] == 1).astype(int)
df["ward_type_code"] = df["ward_type"].map(WARD_CODES).fillna(-1)
df["role_code"] = df["collector_role"].map(ROLE_CODES).fillna(-1)
df["collector_prior_draws"] = df.groupby("collector_id").cumcount()

# collector track record
df["collector_contam_rate"] = df.groupby("collector_id")["contaminated"].transform("mean")

FEATURES = [
    "hour", "night_shift", "weekend", "via_line", "underfilled", "single_set", "aerobic_volume_ml",
    "ward_type_code", "role_code", "collector_years_exp", "chlorhexidine_kit", "patient_age",
    "patient_bmi", "temp_at_draw_c", "collector_prior_draws", "collector_contam_rate",
]

train = df[df["drawn_at"] < "2023-10-01"].copy()
test = df[df["drawn_at"] >= "2023-10-01"].copy()
print(f"train sets {len(train)}, test sets {len(test)}, contamination {train['contaminated'].mean():.3%}")

dtrain = xgb.DMatrix(train[FEATURES], label=train["contaminated"], feature_names=FEATURES)
dtest = xgb.DMatrix(test[FEATURES], label=test["contaminated"], feature_names=FEATURES)

pos_weight = (train["contaminated"] == 0).sum() / max(train["contaminated"].sum(), 1)
params = {
    "objective": "binary:logistic",
    "eval_metric": "aucpr",
    "eta": 0.05,
    "max_depth": 4,
    "min_child_weight": 10,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "scale_pos_weight": np.sqrt(pos_weight),
    "seed": 17,
}
booster = xgb.train(params, dtrain, num_boost_round=500, evals=[(dtrain, "train")], verbose_eval=100)

proba = booster.predict(dtest)
print(f"Test ROC AUC: {roc_auc_score(test['contaminated'], proba):.4f}")
print(f"Test PR AUC:  {average_precision_score(test['contaminated'], proba):.4f}")
gain = pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(8).round(2))
