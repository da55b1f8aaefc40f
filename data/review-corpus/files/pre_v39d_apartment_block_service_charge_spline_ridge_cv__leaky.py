# label: leakage/preprocessing
"""Benchmark annual service charges for residential apartment blocks.

One row per block managed in the 2023/24 budget year. Target is the budgeted
service charge per square metre of lettable floor area. Used by the lettings
team to sanity-check budgets submitted by managing agents.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold, cross_validate
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler

SPLINE_COLS = ["building_age", "units_in_block", "storeys"]
SCALE_COLS = [
    "lettable_area_m2", "lifts", "grounds_area_m2", "car_park_spaces",
    "distance_to_centre_km", "reserve_fund_per_unit", "insurance_rebuild_value_m",
]
FLAG_COLS = ["has_concierge", "has_gym", "has_communal_heating", "has_pool"]
CAT_COLS = ["managing_agent", "borough", "cladding_status", "tenure_mix"]


def load_blocks(path):
    blocks = pd.read_csv(path)
    blocks = blocks[blocks["units_in_block"] >= 4]
    blocks = blocks[blocks["budget_year"] == "2023/24"]
    blocks["building_age"] = 2023 - blocks["year_built"]
    blocks["log_charge_m2"] = np.log(blocks["service_charge_total"] / blocks["lettable_area_m2"])
    blocks[FLAG_COLS] = blocks[FLAG_COLS].fillna(0).astype(int)
    return blocks.dropna(subset=SPLINE_COLS + SCALE_COLS + ["log_charge_m2"])


blocks = load_blocks("budgets/block_service_charges.csv")
X = blocks[SPLINE_COLS + SCALE_COLS + FLAG_COLS + CAT_COLS]
y = blocks["log_charge_m2"]
print(f"{len(blocks)} blocks, median charge {np.exp(y.median()):.2f} GBP/m2")

features = ColumnTransformer([
    ("spline", SplineTransformer(n_knots=5, degree=3, knots="quantile"), SPLINE_COLS),
    ("scale", StandardScaler(), SCALE_COLS),
    ("flags", "passthrough", FLAG_COLS),
    ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=15), CAT_COLS),
])
X_design = features.fit_transform(X)

ridge = RidgeCV(alphas=np.logspace(-2, 3, 30))
cv = KFold(n_splits=5, shuffle=True, random_state=8)
scores = cross_validate(
    ridge, X_design, y, cv=cv,
    scoring=("neg_mean_absolute_error", "r2"),
    return_estimator=True,
)

mae_log = -scores["test_neg_mean_absolute_error"]
print(f"CV MAE (log scale): {mae_log.mean():.3f} +/- {mae_log.std():.3f}")
print(f"approx. typical % error: {np.expm1(mae_log.mean()):.1%}")
print(f"CV R2: {scores['test_r2'].mean():.3f} +/- {scores['test_r2'].std():.3f}")
print("alphas chosen per fold:", [round(est.alpha_, 2) for est in scores["estimator"]])

final = RidgeCV(alphas=np.logspace(-2, 3, 30)).fit(X_design, y)
coefs = pd.Series(final.coef_, index=features.get_feature_names_out())
print(coefs[coefs.index.str.startswith(("flags", "scale"))].round(3).sort_values().to_string())
