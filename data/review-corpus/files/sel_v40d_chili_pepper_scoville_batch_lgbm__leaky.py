# label: leakage/selection
"""Scoville heat prediction for chili pepper batches.

Each row is one harvested batch from the grower co-op. The lab measures
capsaicinoids by HPLC a few weeks after harvest; we want a heat estimate at
intake so batches can be routed to the right sauce line.
"""
import argparse
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

CATEGORICAL = ["variety", "grower_id", "irrigation"]
NUMERIC = [
    "days_to_harvest",
    "mean_day_temp_c",
    "mean_night_temp_c",
    "water_stress_days",
    "soil_ec_ds_m",
    "fruit_weight_g",
    "pericarp_mm",
    "brix",
    "colour_a_star",
]


def load_batches(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["harvest_date"])
    df = df.dropna(subset=["scoville_shu"])
    df = df[df["scoville_shu"] > 0]
    df["harvest_month"] = df["harvest_date"].dt.month
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def report(y_true_log, y_pred_log) -> dict:
    y_true = np.expm1(y_true_log)
    y_pred = np.expm1(y_pred_log)
    return {
        "mae_log": mean_absolute_error(y_true_log, y_pred_log),
        "r2_log": r2_score(y_true_log, y_pred_log),
        "mae_shu": mean_absolute_error(y_true, y_pred),
        "median_ape": float(np.median(np.abs(y_pred - y_true) / y_true)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/pepper_batches.csv"))
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    df = load_batches(args.data)
    features = CATEGORICAL + NUMERIC + ["harvest_month"]
    X = df[features]
    y = np.log1p(df["scoville_shu"])

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=args.seed
    )

    model = lgb.LGBMRegressor(
        n_estimators=5000,
        learning_rate=0.02,
        num_leaves=31,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=args.seed,
        verbose=-1,
    )
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="l1",
        categorical_feature=CATEGORICAL,
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )
    print(f"best iteration: {model.best_iteration_}")

    pred = model.predict(X_test, num_iteration=model.best_iteration_)
    metrics = report(y_test, pred)
    for name, value in metrics.items():
        print(f"{name:>12}: {value:.4f}")

    importance = pd.Series(
        model.booster_.feature_importance(importance_type="gain"), index=features
    ).sort_values(ascending=False)
    print("\nTop features by gain:")
    print(importance.head(8).round(1).to_string())


if __name__ == "__main__":
    main()
