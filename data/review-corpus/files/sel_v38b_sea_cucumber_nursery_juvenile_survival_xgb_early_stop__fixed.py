# label: leakage/none
"""Sea cucumber nursery: predict 60-day juvenile survival (%) per settlement batch.

Batches are logged by the hatchery team in the nursery workbook export. One row per
batch of settled juveniles moved into a nursery raceway.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

DATA_PATH = "data/nursery_batches_2019_2024.csv"
SEED = 11

NUMERIC = [
    "settlement_density_per_m2",
    "mean_water_temp_c",
    "temp_range_c",
    "salinity_psu",
    "dissolved_oxygen_mg_l",
    "feed_g_per_day",
    "diatom_cover_pct",
    "copepod_count_per_l",
    "broodstock_age_years",
    "days_in_larval_tank",
]
CATEGORICAL = ["raceway_type", "feed_type", "broodstock_origin"]
TARGET = "survival_60d_pct"


def load_batches(path):
    df = pd.read_csv(path, parse_dates=["transfer_date"])
    df = df[df["status"] == "closed"].copy()
    df["transfer_month"] = df["transfer_date"].dt.month
    df["temp_x_density"] = df["mean_water_temp_c"] * df["settlement_density_per_m2"] / 1000
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def main():
    df = load_batches(DATA_PATH)
    features = NUMERIC + CATEGORICAL + ["transfer_month", "temp_x_density"]
    X = df[features]
    y = df[TARGET]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=SEED
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, random_state=SEED
    )

    model = xgb.XGBRegressor(
        n_estimators=3000,
        learning_rate=0.02,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        tree_method="hist",
        enable_categorical=True,
        early_stopping_rounds=100,
        eval_metric="rmse",
        random_state=SEED,
    )
    model.fit(
        X_fit,
        y_fit,
        eval_set=[(X_val, y_val)],
        verbose=200,
    )
    print(f"best iteration: {model.best_iteration}")

    pred = np.clip(model.predict(X_test), 0, 100)
    rmse = mean_squared_error(y_test, pred) ** 0.5
    mae = mean_absolute_error(y_test, pred)
    print(f"test RMSE: {rmse:.2f} pct points")
    print(f"test MAE:  {mae:.2f} pct points")

    importance = pd.Series(
        model.get_booster().get_score(importance_type="gain")
    ).sort_values(ascending=False)
    print("top drivers of survival:")
    print(importance.head(8).round(1).to_string())


if __name__ == "__main__":
    main()
