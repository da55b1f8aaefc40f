# label: leakage/preprocessing
"""Predict finishing time (minutes) of crews in a multi-day canoe marathon from entry data."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

entries = pd.read_csv("marathon_entries.csv")
results = pd.read_csv("marathon_results.csv")
stages = pd.read_csv("stage_conditions.csv")

df = entries.merge(results[["entry_id", "finish_min", "status"]], on="entry_id")
df = df[df["status"] == "FINISHED"].copy()
df = df.merge(
    stages.groupby("race_year", as_index=False).agg(
        water_level_cm=("gauge_cm_at_start", "first"), n_portages=("portages", "sum")),
    on="race_year", how="left",
)

df["crew_age_mean"] = df[["age_bow", "age_stern"]].mean(axis=1)
df["crew_age_gap"] = (df["age_bow"] - df["age_stern"]).abs()
df["mixed_crew"] = (df["sex_bow"] != df["sex_stern"]).astype(int)
df["prev_best_min"] = df["prev_best_min"].where(df["prev_best_min"] > 0)
df["has_prev"] = df["prev_best_min"].notna().astype(int)

# personal best relative to the typical crew in the same boat class
class_median = df.groupby("boat_class")["prev_best_min"].transform("median")
df["pb_vs_class"] = df["prev_best_min"] / class_median

features = ["boat_class", "club_region", "crew_age_mean", "crew_age_gap", "mixed_crew",
            "prev_best_min", "has_prev", "pb_vs_class", "previous_finishes",
            "training_km_declared", "water_level_cm", "n_portages"]
target = "finish_min"

train = df[df["race_year"] < 2024].copy()
test = df[df["race_year"] == 2024].copy()
for col in ("boat_class", "club_region"):
    cats = pd.CategoricalDtype(sorted(train[col].dropna().unique()))
    train[col] = train[col].astype(cats)
    test[col] = test[col].astype(cats)

model = xgb.XGBRegressor(
    n_estimators=800, learning_rate=0.03, max_depth=5, subsample=0.8,
    colsample_bytree=0.8, min_child_weight=3, enable_categorical=True,
    tree_method="hist", random_state=17,
)
model.fit(train[features], train[target])

pred = model.predict(test[features])
mae = mean_absolute_error(test[target], pred)
mape = np.mean(np.abs(pred - test[target]) / test[target])
print(f"2024 crews: {len(test)}")
print(f"MAE  = {mae:.1f} min")
print(f"MAPE = {mape:.2%}")

by_class = (test.assign(abs_err=np.abs(pred - test[target]))
                .groupby("boat_class", observed=True)["abs_err"].mean())
print(by_class.round(1).to_string())
