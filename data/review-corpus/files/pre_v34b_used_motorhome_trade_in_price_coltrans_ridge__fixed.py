# label: leakage/none
"""Trade-in valuation model for the motorhome dealership group.

Trade-in appraisals from all branches (2020-2024) with the eventual retail
resale price. The model gives sales staff a first offer before the workshop
inspection is booked.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["base_vehicle", "converter", "layout", "transmission", "branch", "fuel"]
NUMERIC = [
    "age_years", "mileage_km", "berths", "length_m", "engine_litres",
    "habitation_check_months", "damp_reading_max_pct", "awning_fitted",
    "solar_panel_w", "leisure_battery_ah", "owners",
]


def load_appraisals(path):
    df = pd.read_csv(path, parse_dates=["appraisal_date", "first_registered"])
    df = df[df["resale_price_gbp"].between(5_000, 250_000)].copy()
    df["age_years"] = (df["appraisal_date"] - df["first_registered"]).dt.days / 365.25
    df["mileage_km"] = df["mileage_miles"] * 1.609
    df["awning_fitted"] = df["awning_fitted"].map({"yes": 1, "no": 0})
    df["log_price"] = np.log(df["resale_price_gbp"])
    return df


def build_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=15)),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC),
        ("cat", categorical, CATEGORICAL),
    ])


def main():
    df = load_appraisals("motorhome_tradeins_2020_2024.csv")
    X = df[NUMERIC + CATEGORICAL]
    y = df["log_price"]
    print(f"{len(df)} appraisals across {df['branch'].nunique()} branches")

    preprocessor = build_preprocessor()
    model = Pipeline([("prep", preprocessor), ("ridge", Ridge(alpha=3.0))])

    cv = KFold(n_splits=5, shuffle=True, random_state=8)
    scores = cross_validate(
        model, X, y, cv=cv,
        scoring=("neg_mean_absolute_error", "r2"),
    )
    mae_log = -scores["test_neg_mean_absolute_error"]
    print(f"CV MAE (log price): {mae_log.mean():.4f} +/- {mae_log.std():.4f}")
    print(f"CV R^2: {scores['test_r2'].mean():.3f}")
    print(f"typical offer error: {100 * (np.exp(mae_log.mean()) - 1):.1f}% of resale price")


if __name__ == "__main__":
    main()
