# label: leakage/target
"""Predict which municipal snowplough route runs will overrun their scheduled time by more than 30 minutes."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import f1_score, precision_recall_curve, roc_auc_score

runs = pd.read_csv("plough_route_runs.csv", parse_dates=["dispatched_at", "completed_at"])
routes = pd.read_csv("route_catalogue.csv")
forecasts = pd.read_csv("storm_forecasts.csv", parse_dates=["issued_at"])
telematics = pd.read_parquet("truck_shift_telematics.parquet")

# latest forecast issued before each dispatch
runs = runs.sort_values("dispatched_at")
forecasts = forecasts.sort_values("issued_at")
df = pd.merge_asof(runs, forecasts, left_on="dispatched_at", right_on="issued_at",
                   by="district", direction="backward")
df = df.merge(routes, on="route_id", how="left")
df = df.merge(telematics[["run_id", "fuel_used_l", "idle_minutes"]], on="run_id", how="left")

actual_min = (df["completed_at"] - df["dispatched_at"]).dt.total_seconds() / 60
df["overrun"] = (actual_min - df["scheduled_min"] > 30).astype(int)

df["dispatch_hour"] = df["dispatched_at"].dt.hour
df["weekend"] = (df["dispatched_at"].dt.dayofweek >= 5).astype(int)
df["fuel_per_km"] = df["fuel_used_l"] / df["route_km"]
df["snow_per_km"] = df["forecast_snow_cm"] * df["route_km"]
df["crew_hours_prior_24h"] = df["crew_hours_prior_24h"].fillna(0)
for col in ["truck_class", "district", "surface_priority"]:
    df[col] = df[col].astype("category")

features = ["route_km", "n_hills", "n_cul_de_sacs", "surface_priority", "truck_class",
            "district", "forecast_snow_cm", "forecast_temp_c", "forecast_wind_kmh",
            "snow_per_km", "dispatch_hour", "weekend", "crew_hours_prior_24h",
            "fuel_per_km", "scheduled_min"]

season = df["dispatched_at"].dt.year.where(df["dispatched_at"].dt.month >= 7,
                                           df["dispatched_at"].dt.year - 1)
train = df[season < 2023]
test = df[season == 2023]

model = lgb.LGBMClassifier(
    n_estimators=500, learning_rate=0.03, num_leaves=24, min_child_samples=40,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
    scale_pos_weight=(train["overrun"] == 0).sum() / max(train["overrun"].sum(), 1),
    random_state=12, verbose=-1,
)
model.fit(train[features], train["overrun"])

proba = model.predict_proba(test[features])[:, 1]
print(f"2023/24 season runs: {len(test)}, overrun rate {test['overrun'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['overrun'], proba):.3f}")
prec, rec, thr = precision_recall_curve(test["overrun"], proba)
print(f"F1 @0.5: {f1_score(test['overrun'], proba >= 0.5):.3f}")

imp = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
print(imp.head(8).to_string())
