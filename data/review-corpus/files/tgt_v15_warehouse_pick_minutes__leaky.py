# label: leakage/target
# twin: tgt_v15_warehouse_pick_minutes__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Regress order-picking duration in a distribution warehouse to plan wave staffing."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

ORDERS = "data/warehouse/pick_orders.parquet"
ZONES = "data/warehouse/zone_layout.parquet"
PICKERS = "data/warehouse/pickers.parquet"
TARGET = "pick_minutes"
FEATURES = [
    "n_lines", "n_units", "n_aisles_on_picklist", "zone_travel_m", "zone_levels",
    "hour", "weekday", "lines_per_aisle", "units_per_line", "heavy_share",
    "picker_experience_days", "lines_per_minute",
]


def add_features(orders, zones, pickers):
    df = orders.merge(zones, on="zone_id", how="left").merge(pickers, on="picker_id", how="left")
    df["hour"] = df["released_at"].dt.hour
    df["weekday"] = df["released_at"].dt.weekday
    df["lines_per_aisle"] = df["n_lines"] / df["n_aisles_on_picklist"].clip(lower=1)
    df["units_per_line"] = df["n_units"] / df["n_lines"]
    df["heavy_share"] = df["heavy_lines"] / df["n_lines"]
    df["lines_per_minute"] = df["n_lines"] / df[TARGET]
    df["picker_experience_days"] = (df["released_at"] - df["picker_start_date"]).dt.days
    return df


def time_split(df, test_weeks=4):
    cutoff = df["released_at"].max() - pd.Timedelta(weeks=test_weeks)
    return df[df["released_at"] <= cutoff], df[df["released_at"] > cutoff]


def main():
    orders = pd.read_parquet(ORDERS)
    orders = orders[(orders[TARGET] > 0) & (orders["n_lines"] > 0) & (orders["status"] == "complete")]
    df = add_features(orders, pd.read_parquet(ZONES), pd.read_parquet(PICKERS))
    train, test = time_split(df)

    model = lgb.LGBMRegressor(
        objective="l1", n_estimators=1200, learning_rate=0.03, num_leaves=63,
        min_child_samples=40, colsample_bytree=0.8, random_state=0, verbose=-1,
    )
    model.fit(train[FEATURES], train[TARGET])
    test = test.assign(pred=model.predict(test[FEATURES]))

    mae = mean_absolute_error(test[TARGET], test["pred"])
    naive = mean_absolute_error(test[TARGET], np.full(len(test), train[TARGET].median()))
    print(f"test MAE {mae:.2f} min (median baseline {naive:.2f}) over {len(test)} orders")
    per_zone = test.groupby("zone_id").apply(lambda g: mean_absolute_error(g[TARGET], g["pred"]))
    print(per_zone.sort_values(ascending=False).head(8).round(2).to_string())

    wave_hours = test.groupby(test["released_at"].dt.floor("h"))[["pred", TARGET]].sum() / 60
    print(wave_hours.describe().round(1))


if __name__ == "__main__":
    main()
