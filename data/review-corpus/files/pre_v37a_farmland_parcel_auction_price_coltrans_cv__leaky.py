# label: leakage/preprocessing
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# Farmland sold at public auction, land agency records 2015-2023
sales = pd.read_csv("agency/farmland_auction_results.csv", parse_dates=["auction_date"])
sales = sales[(sales["hectares"] >= 2) & (sales["hammer_price"] > 0)].copy()

sales["log_price_per_ha"] = np.log(sales["hammer_price"] / sales["hectares"])
sales["auction_year"] = sales["auction_date"].dt.year
sales["auction_quarter"] = sales["auction_date"].dt.quarter
sales["log_hectares"] = np.log(sales["hectares"])
sales["has_buildings"] = (sales["building_floor_m2"].fillna(0) > 0).astype(int)

numeric = [
    "log_hectares",
    "soil_grade_index",
    "mean_slope_pct",
    "road_frontage_m",
    "dist_to_town_km",
    "dist_to_grain_store_km",
    "drainage_share",
    "woodland_share",
    "annual_rainfall_mm",
    "building_floor_m2",
    "auction_year",
]
categorical = ["county", "land_use", "tenure", "auction_quarter", "has_buildings"]

X = sales[numeric + categorical]
y = sales["log_price_per_ha"]

preprocess = ColumnTransformer(
    [
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", make_pipeline(
            SimpleImputer(strategy="most_frequent"),
            OneHotEncoder(handle_unknown="ignore", min_frequency=15),
        ), categorical),
    ]
)
X_ready = preprocess.fit_transform(X)

models = {
    "ridge": Ridge(alpha=3.0),
    "gbr": GradientBoostingRegressor(
        n_estimators=500, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=0
    ),
}

cv = KFold(n_splits=5, shuffle=True, random_state=0)
summary = []
for name, est in models.items():
    scores = cross_validate(
        est,
        X_ready,
        y,
        cv=cv,
        scoring=("neg_mean_absolute_error", "r2"),
    )
    mae = -scores["test_neg_mean_absolute_error"]
    summary.append({
        "model": name,
        "mae_log": mae.mean(),
        "mae_log_sd": mae.std(),
        "r2": scores["test_r2"].mean(),
        "median_pct_error": 100 * (np.exp(mae.mean()) - 1),
    })

print(pd.DataFrame(summary).round(3).to_string(index=False))
