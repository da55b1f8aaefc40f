# label: leakage/none
"""Predict assayed potency of compounded capsule batches from formulation and process settings."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

batches = pd.read_csv("compounding_batches.csv", parse_dates=["compounded_on"])
assays = pd.read_csv("hplc_assays.csv")  # three replicate injections per batch

df = assays.merge(batches, on="batch_id", how="inner")
df = df[df["assay_status"] == "valid"].copy()

df["api_fraction"] = df["api_mg_per_cap"] / df["fill_weight_mg"]
df["excipient_ratio"] = df["filler_g"] / (df["api_total_g"] + 1e-6)
df["blend_energy"] = df["blend_minutes"] * df["blender_rpm"]
df["humid_day"] = (df["room_rh_pct"] > 55).astype(int)
levels = {
    "capsule_size": ["000", "00", "0", "1", "2", "3", "4"],
    "filler_type": ["mcc", "lactose", "starch", "mannitol"],
    "api_form": ["base", "salt", "hydrate"],
}
for col, cats in levels.items():
    df[col] = pd.Categorical(df[col].astype(str), categories=cats)
df = pd.get_dummies(df, columns=list(levels), dtype=float)

feature_cols = [c for c in df.columns if c.startswith(("capsule_size_", "filler_type_", "api_form_"))]
feature_cols += ["api_fraction", "excipient_ratio", "blend_energy", "humid_day",
                 "api_particle_d50_um", "geometric_dilution_steps", "batch_caps",
                 "room_temp_c", "technician_years"]
target = "potency_pct"

X = df[feature_cols].astype(float)
y = df[target]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=17)
train_idx, test_idx = next(splitter.split(X, y, groups=df["batch_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

reg = xgb.XGBRegressor(
    n_estimators=500,
    max_depth=4,
    learning_rate=0.04,
    subsample=0.85,
    colsample_bytree=0.8,
    min_child_weight=3,
    objective="reg:squarederror",
    random_state=17,
)
reg.fit(X_train, y_train)
pred = reg.predict(X_test)

mae = mean_absolute_error(y_test, pred)
print(f"test MAE (potency %): {mae:.3f}")
print(f"test R^2: {r2_score(y_test, pred):.3f}")
out_of_spec = (y_test < 90) | (y_test > 110)
flagged = (pred < 90) | (pred > 110)
print(f"out-of-spec recall: {(flagged & out_of_spec).sum() / max(out_of_spec.sum(), 1):.3f}")
