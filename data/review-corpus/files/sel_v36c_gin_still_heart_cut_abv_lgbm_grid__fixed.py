# label: leakage/none
"""Predict the ABV of the heart cut from a gin still run, using charge and
still settings recorded when the run starts."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import ParameterGrid, train_test_split

FEATURES = [
    "charge_volume_l",
    "charge_abv",
    "botanical_load_g",
    "juniper_share",
    "citrus_share",
    "steam_pressure_bar",
    "head_cut_minutes",
    "plate_temp_c",
    "condenser_flow_lpm",
    "ambient_temp_c",
    "botanicals_per_litre",
    "alcohol_in_charge_l",
    "still_id",
]
TARGET = "heart_abv"

BASE_PARAMS = dict(n_estimators=600, subsample=0.8, subsample_freq=1, random_state=7, verbose=-1)
GRID = {
    "learning_rate": [0.02, 0.05],
    "num_leaves": [15, 31, 63],
    "min_child_samples": [10, 30],
    "colsample_bytree": [0.7, 1.0],
}


def load_runs(path):
    runs = pd.read_csv(path, parse_dates=["run_date"])
    runs = runs.dropna(subset=[TARGET])
    runs["botanicals_per_litre"] = runs["botanical_load_g"] / runs["charge_volume_l"]
    runs["alcohol_in_charge_l"] = runs["charge_volume_l"] * runs["charge_abv"] / 100.0
    runs["still_id"] = runs["still_id"].astype("category")
    return runs


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", default="data/still_runs.csv")
    args = parser.parse_args()

    runs = load_runs(args.runs)
    print(f"{len(runs)} still runs, {runs['still_id'].nunique()} stills")

    X = runs[FEATURES]
    y = runs[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=7)

    results = []
    for params in ParameterGrid(GRID):
        model = lgb.LGBMRegressor(**BASE_PARAMS, **params)
        model.fit(X_fit, y_fit)
        score = rmse(y_val, model.predict(X_val))
        results.append((score, params))
        print(f"{params} -> val RMSE {score:.3f}")

    best_val, best_params = min(results, key=lambda r: r[0])
    best_model = lgb.LGBMRegressor(**BASE_PARAMS, **best_params).fit(X_train, y_train)
    preds = best_model.predict(X_test)

    print("\nChosen settings:", best_params, f"(val RMSE {best_val:.3f})")
    print(f"Heart-cut ABV RMSE: {rmse(y_test, preds):.3f} %vol")
    print(f"Heart-cut ABV MAE:  {mean_absolute_error(y_test, preds):.3f} %vol")

    importance = pd.Series(best_model.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print("\nSplit importance:")
    print(importance.to_string())


if __name__ == "__main__":
    main()
