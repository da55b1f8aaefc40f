# label: leakage/none
"""Vase-life model for the wholesale cut-flower grading line.

Each row is one bunch graded at intake; the target is the number of days the
stems stayed marketable in the standard vase test at the quality lab.
"""
import itertools

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

DATA = "data/vase_trials_2023.parquet"
TARGET = "vase_life_days"

CATEGORICAL = ["species", "cultivar", "grower_region", "cold_chain_route"]
NUMERIC = [
    "stem_length_cm",
    "head_diameter_mm",
    "hours_in_transit",
    "transit_temp_mean_c",
    "transit_temp_max_c",
    "ethylene_ppb_at_intake",
    "stem_water_uptake_g",
    "botrytis_spots_intake",
    "days_since_harvest",
]

PARAM_GRID = {
    "num_leaves": [15, 31, 63],
    "learning_rate": [0.03, 0.1],
    "min_data_in_leaf": [20, 60],
    "feature_fraction": [0.7, 0.9],
}


def load_trials(path):
    df = pd.read_parquet(path)
    df = df.dropna(subset=[TARGET])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def fit_booster(params, X, y, rounds=600):
    base = {"objective": "regression", "metric": "rmse", "verbose": -1, "seed": 7}
    base.update(params)
    train_set = lgb.Dataset(X, label=y, categorical_feature=CATEGORICAL)
    return lgb.train(base, train_set, num_boost_round=rounds)


def main():
    df = load_trials(DATA)
    X = df[CATEGORICAL + NUMERIC]
    y = df[TARGET]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, random_state=11
    )

    keys = list(PARAM_GRID)
    results = []
    for values in itertools.product(*(PARAM_GRID[k] for k in keys)):
        params = dict(zip(keys, values))
        booster = fit_booster(params, X_fit, y_fit)
        score = rmse(y_val, booster.predict(X_val))
        results.append((score, params))
        print(f"{params} -> rmse {score:.3f}")

    results.sort(key=lambda r: r[0])
    best_score, best_params = results[0]
    print("best params:", best_params)

    model = fit_booster(best_params, X_train, y_train)
    pred = model.predict(X_test)
    print(f"test RMSE: {rmse(y_test, pred):.3f} days")
    print(f"test MAE:  {mean_absolute_error(y_test, pred):.3f} days")

    importance = pd.Series(
        model.feature_importance(importance_type="gain"), index=X.columns
    ).sort_values(ascending=False)
    print(importance.head(8).round(1))


if __name__ == "__main__":
    main()
