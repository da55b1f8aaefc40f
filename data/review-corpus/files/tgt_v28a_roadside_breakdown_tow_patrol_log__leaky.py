# label: leakage/target
# Breakdown cover call centre: at the moment a member calls in, estimate whether the job
# will end up needing a recovery truck, so one can be dispatched alongside the patrol van.
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import brier_score_loss, roc_auc_score

calls = pd.read_csv("data/breakdown/calls_2023.csv", parse_dates=["call_time"])
jobs = pd.read_csv("data/breakdown/patrol_job_sheets.csv")
vehicles = pd.read_csv("data/breakdown/member_vehicles.csv")

df = (
    calls.merge(jobs[["call_id", "towed", "on_scene_minutes", "parts_fitted"]], on="call_id", how="inner")
    .merge(vehicles, on="vehicle_id", how="left")
)
df["hour"] = df["call_time"].dt.hour
df["dow"] = df["call_time"].dt.dayofweek
df["vehicle_age"] = df["call_time"].dt.year - df["first_reg_year"]
df["miles_per_year"] = df["odometer_miles"] / df["vehicle_age"].clip(lower=1)
df["ambient_below_zero"] = (df["air_temp_c"] < 0).astype(int)

cat_cols = ["reported_symptom", "location_type", "fuel_type", "make", "cover_tier"]
num_cols = [
    "hour", "dow", "vehicle_age", "odometer_miles", "miles_per_year", "air_temp_c",
    "ambient_below_zero", "previous_callouts_12m", "member_years", "passengers",
    "on_scene_minutes", "parts_fitted",
]
features = cat_cols + num_cols

df = df.sort_values("call_time")
train = df[df["call_time"] < "2023-10-01"].copy()
test = df[df["call_time"] >= "2023-10-01"].copy()
for c in cat_cols:
    train[c] = train[c].astype("category")
    test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)

# last five weeks of the training window for early stopping
es_cut = train["call_time"].max() - pd.Timedelta(days=35)
fit_part = train[train["call_time"] < es_cut]
es_part = train[train["call_time"] >= es_cut]

dfit = lgb.Dataset(fit_part[features], fit_part["towed"], categorical_feature=cat_cols)
des = lgb.Dataset(es_part[features], es_part["towed"], reference=dfit)
params = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 48,
    "min_data_in_leaf": 80,
    "feature_fraction": 0.85,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "cat_smooth": 20,
    "verbose": -1,
}
booster = lgb.train(
    params, dfit, num_boost_round=3000, valid_sets=[des],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)

p = booster.predict(test[features], num_iteration=booster.best_iteration)
print(f"Q4 calls: {len(test):,}, tow rate {test['towed'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['towed'], p):.3f}")
print(f"Brier:   {brier_score_loss(test['towed'], p):.4f}")

# dispatch rule used by the control room: send a truck when p > 0.6
send = p > 0.6
print(f"trucks pre-dispatched: {send.mean():.1%}, of which needed: {test.loc[send, 'towed'].mean():.1%}")

imp = pd.Series(booster.feature_importance("gain"), index=features).sort_values(ascending=False)
print(imp.head(10).round(0))
