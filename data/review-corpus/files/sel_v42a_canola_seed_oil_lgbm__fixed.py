# label: leakage/none
"""Seed oil content of canola variety-trial plots, from agronomy and weather records."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

CATEGORICAL = ["variety_id", "tillage_id", "soil_class_id"]
NUMERIC = [
    "plants_per_m2", "n_applied_kg_ha", "s_applied_kg_ha", "seed_rate_kg_ha",
    "gdd_sowing_to_flower", "max_temp_flowering", "rain_flowering_mm", "days_to_harvest",
    "soil_ph", "blackleg_score",
]
TARGET = "oil_pct_dry"


def load_plots(path):
    df = pd.read_csv(path, parse_dates=["harvest_date"])
    df = df.dropna(subset=[TARGET])
    df["harvest_year"] = df["harvest_date"].dt.year
    df["days_to_harvest"] = (df["harvest_date"] - pd.to_datetime(df["sowing_date"])).dt.days
    return df


def year_split(df, test_year):
    train = df[df["harvest_year"] < test_year]
    test = df[df["harvest_year"] == test_year]
    return train, test


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/canola_trial_plots.csv")
    parser.add_argument("--test-year", type=int, default=2023)
    args = parser.parse_args()

    df = load_plots(args.data)
    train, test = year_split(df, args.test_year)
    train, valid = year_split(train, args.test_year - 1)
    features = CATEGORICAL + NUMERIC
    print(f"train plots: {len(train)}  valid plots: {len(valid)}  test plots: {len(test)}")

    params = {
        "objective": "regression",
        "learning_rate": 0.03,
        "num_leaves": 31,
        "min_data_in_leaf": 20,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "verbose": -1,
        "seed": 7,
    }

    dtrain = lgb.Dataset(train[features], label=train[TARGET], categorical_feature=CATEGORICAL)
    dvalid = lgb.Dataset(valid[features], label=valid[TARGET], reference=dtrain)

    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=5000,
        valid_sets=[dvalid],
        valid_names=["valid"],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(250)],
    )

    pred = booster.predict(test[features], num_iteration=booster.best_iteration)
    rmse = np.sqrt(mean_squared_error(test[TARGET], pred))
    mae = mean_absolute_error(test[TARGET], pred)
    print(f"best iteration: {booster.best_iteration}")
    print(f"{args.test_year} seed oil %  RMSE={rmse:.3f}  MAE={mae:.3f}")

    by_variety = (
        test.assign(abs_err=np.abs(test[TARGET] - pred))
        .groupby("variety_id")["abs_err"]
        .mean()
        .sort_values()
    )
    print(by_variety.round(3).to_string())

    importance = pd.Series(
        booster.feature_importance(importance_type="gain"), index=features
    ).sort_values(ascending=False)
    print(importance.head(10).round(1).to_string())


if __name__ == "__main__":
    main()
