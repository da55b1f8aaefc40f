# label: leakage/preprocessing
"""Reefer shipments: estimate, at gate-in, the risk that a refrigerated container's cargo
is rejected for temperature damage at discharge. Used to pick boxes for extra PTI checks."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

shipments = pd.read_parquet("warehouse/reefer/shipments_2022_2024.parquet")
units = pd.read_csv("warehouse/reefer/unit_master.csv", usecols=[
    "unit_id", "manufacture_year", "machinery_model", "insulation_class"])
df = shipments.merge(units, on="unit_id", how="left")

df["unit_age_years"] = df["booking_date"].dt.year - df["manufacture_year"]
df["setpoint_gap_c"] = df["setpoint_c"] - df["commodity_optimum_c"]
df["precool_ok"] = (df["pulp_temp_at_stuffing_c"] - df["setpoint_c"]).abs().le(1.0).astype(int)

numeric = [
    "setpoint_c", "setpoint_gap_c", "ventilation_cbm_h", "humidity_setpoint_pct",
    "planned_transit_days", "transhipments_planned", "unit_age_years",
    "pulp_temp_at_stuffing_c", "gate_in_ambient_c", "hours_unplugged_at_terminal",
    "pti_days_before_stuffing", "precool_ok",
]
categorical = [
    "commodity_group", "machinery_model", "insulation_class", "load_port",
    "discharge_region", "carrier_service", "controlled_atmosphere",
]
X = df[numeric + categorical]
y = df["cargo_claim_temp"].astype(int)
print(X.shape, f"claim rate {y.mean():.3%}")

preprocess = ColumnTransformer([
    ("num", Pipeline([
        ("impute", SimpleImputer(strategy="median", add_indicator=True)),
        ("scale", StandardScaler()),
    ]), numeric),
    ("cat", Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=30)),
    ]), categorical),
])
X_prepared = preprocess.fit_transform(X)

logit = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
res = cross_validate(
    logit, X_prepared, y, cv=cv,
    scoring={"auc": "roc_auc", "ap": "average_precision", "brier": "neg_brier_score"},
)

for name in ("auc", "ap", "brier"):
    vals = res[f"test_{name}"]
    if name == "brier":
        vals = -vals
    print(f"{name:>5}: {np.mean(vals):.3f} (+/- {np.std(vals):.3f})")

logit.fit(X_prepared, y)
coef = pd.Series(logit.coef_.ravel(), index=preprocess.get_feature_names_out())
print(coef.sort_values(key=np.abs, ascending=False).head(15).round(3).to_string())
