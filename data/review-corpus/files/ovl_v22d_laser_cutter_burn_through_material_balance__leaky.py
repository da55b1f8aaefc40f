# label: leakage/overlap
import pandas as pd
import numpy as np
import xgboost as xgb
from sklearn.metrics import classification_report, roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split

SETTINGS = {
    "parts_file": "data/laser_parts_2024.parquet",
    "per_material": 1500,
    "test_size": 0.2,
    "seed": 21,
}
NUMERIC = [
    "laser_power_w", "cut_speed_mm_s", "gas_pressure_bar", "sheet_thickness_mm",
    "focus_offset_mm", "nozzle_diameter_mm", "pierce_time_ms", "contour_length_mm",
    "min_corner_radius_mm", "nozzle_hours", "lens_hours_since_clean",
]
MATERIALS = ["mild_steel", "stainless", "aluminium", "brass", "copper"]


def load_parts(path):
    parts = pd.read_parquet(path)
    parts = parts[parts["material"].isin(MATERIALS)].dropna(subset=NUMERIC + ["burn_through"])
    parts["energy_per_mm"] = parts["laser_power_w"] / parts["cut_speed_mm_s"]
    parts["assist_gas_n2"] = (parts["assist_gas"] == "N2").astype(int)
    for m in MATERIALS:
        parts[f"mat_{m}"] = (parts["material"] == m).astype(int)
    return parts


def balance_materials(frame, n, seed):
    """Same number of parts for every material so the rare alloys are not drowned out."""
    return (
        frame.groupby("material", group_keys=False)
        .apply(lambda g: g.sample(n=n, replace=len(g) < n, random_state=seed))
        .reset_index(drop=True)
    )


parts = load_parts(SETTINGS["parts_file"])
print(parts["material"].value_counts())
print(parts.groupby("material")["burn_through"].mean().round(3))

FEATURES = NUMERIC + ["energy_per_mm", "assist_gas_n2"] + [f"mat_{m}" for m in MATERIALS]

balanced = balance_materials(parts, SETTINGS["per_material"], SETTINGS["seed"])
train_df, test_df = train_test_split(
    balanced, test_size=SETTINGS["test_size"], stratify=balanced["burn_through"],
    random_state=SETTINGS["seed"],
)

pos_weight = (train_df["burn_through"] == 0).sum() / max((train_df["burn_through"] == 1).sum(), 1)
model = xgb.XGBClassifier(
    n_estimators=600,
    max_depth=5,
    learning_rate=0.04,
    subsample=0.85,
    colsample_bytree=0.8,
    scale_pos_weight=pos_weight,
    eval_metric="aucpr",
    random_state=SETTINGS["seed"],
)
model.fit(train_df[FEATURES], train_df["burn_through"])

proba = model.predict_proba(test_df[FEATURES])[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC: {roc_auc_score(test_df['burn_through'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test_df['burn_through'], proba):.3f}")
print(classification_report(test_df["burn_through"], pred, digits=3))

per_material = (
    test_df.assign(proba=proba)
    .groupby("material")
    .apply(lambda g: roc_auc_score(g["burn_through"], g["proba"]) if g["burn_through"].nunique() > 1 else np.nan)
)
print(per_material.round(3))

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(10))
