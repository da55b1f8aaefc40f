# label: leakage/none
"""Predict permanent elongation of bungee cords at the next inspection.

Cords are inspected every 50 jumps; each row of the inspection log holds the cord's
usage since the previous inspection and the elongation measured on the test rig.
"""
import argparse

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GroupShuffleSplit

CAT_FEATURES = ["manufacturer", "cord_colour_code", "site", "storage"]
NUM_FEATURES = [
    "strand_count",
    "rated_max_mass_kg",
    "cumulative_jumps",
    "jumps_since_last",
    "mean_jumper_mass_kg",
    "max_jumper_mass_kg",
    "uv_hours_since_last",
    "mean_air_temp_c",
    "wet_days_since_last",
    "days_in_service",
    "prev_elongation_pct",
]
TARGET = "elongation_pct"
RETIRE_AT = 8.0


def load_inspections(path):
    log = pd.read_csv(path, parse_dates=["inspection_date", "commissioned_date"])
    log = log.sort_values(["cord_id", "inspection_date"]).reset_index(drop=True)
    log["days_in_service"] = (log["inspection_date"] - log["commissioned_date"]).dt.days
    log["prev_elongation_pct"] = log.groupby("cord_id")[TARGET].shift(1).fillna(0.0)
    log["cumulative_jumps"] = log.groupby("cord_id")["jumps_since_last"].cumsum()
    # first inspection has no usage history to learn from
    return log[log["cumulative_jumps"] > log["jumps_since_last"]].copy()


def main(args):
    log = load_inspections(args.log)
    print(f"{log['cord_id'].nunique()} cords, {len(log)} inspections")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
    train_idx, test_idx = next(splitter.split(log, groups=log["cord_id"]))
    train_df, test_df = log.iloc[train_idx], log.iloc[test_idx]

    features = CAT_FEATURES + NUM_FEATURES
    train_pool = Pool(train_df[features], train_df[TARGET], cat_features=CAT_FEATURES)
    test_pool = Pool(test_df[features], cat_features=CAT_FEATURES)

    model = CatBoostRegressor(
        iterations=1500,
        depth=6,
        learning_rate=0.03,
        loss_function="RMSE",
        random_seed=5,
        verbose=0,
    )
    model.fit(train_pool)

    pred = model.predict(test_pool)
    y_true = test_df[TARGET].to_numpy()
    print(f"MAE elongation: {mean_absolute_error(y_true, pred):.3f} %")

    retire_true = y_true >= RETIRE_AT
    retire_pred = pred >= RETIRE_AT
    hit = (retire_true & retire_pred).sum()
    print(f"cords past retirement limit: {retire_true.sum()}, flagged: {hit} "
          f"({hit / max(retire_true.sum(), 1):.1%})")
    print(f"false alarms: {(retire_pred & ~retire_true).sum()}")

    importance = pd.Series(model.get_feature_importance(), index=features)
    print(importance.sort_values(ascending=False).round(2).to_string())

    if args.out:
        test_df.assign(pred_elongation=np.round(pred, 3)).to_csv(args.out, index=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", default="data/cord_inspections.csv")
    parser.add_argument("--out", default=None)
    main(parser.parse_args())
