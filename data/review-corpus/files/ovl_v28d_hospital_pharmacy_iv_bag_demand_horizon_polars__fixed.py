# label: leakage/none
"""Two-week IV fluid demand per site and product for the pharmacy stores.

Each morning the buyer needs the number of bags that will be issued over the
next 14 days. The export is a complete daily grid (zero-filled) per site and
product since 2021.
"""
from datetime import date, timedelta

import lightgbm as lgb
import numpy as np
import polars as pl

HORIZON = 14
KEYS = ["site_id", "product_id"]
CUTOFF = date(2024, 1, 1)

daily = (
    pl.read_parquet("warehouse/iv_issues_daily.parquet")
    .select(["date", "site_id", "product_id", "bags_issued", "beds_open", "theatre_sessions"])
    .sort(KEYS + ["date"])
)

bags = pl.col("bags_issued")
feats = daily.with_columns(
    *[bags.shift(k).over(KEYS).alias(f"lag_{k}") for k in (1, 2, 3, 7, 14, 28)],
    bags.shift(1).rolling_mean(window_size=7).over(KEYS).alias("mean_7"),
    bags.shift(1).rolling_mean(window_size=28).over(KEYS).alias("mean_28"),
    bags.shift(1).rolling_std(window_size=28).over(KEYS).alias("std_28"),
    pl.col("beds_open").shift(1).over(KEYS).alias("beds_open_prev"),
    pl.col("theatre_sessions").shift(1).rolling_sum(window_size=7).over(KEYS).alias("theatre_7"),
    pl.col("date").dt.weekday().alias("dow"),
    pl.col("date").dt.month().alias("month"),
    # bags issued on days t+1 .. t+14
    bags.shift(-HORIZON).rolling_sum(window_size=HORIZON).over(KEYS).alias("target_14d"),
).drop_nulls()

FEATURES = [c for c in feats.columns if c.startswith(("lag_", "mean_", "std_"))] + [
    "beds_open_prev", "theatre_7", "dow", "month", "site_id", "product_id",
]

train = feats.filter(pl.col("date") < CUTOFF - timedelta(days=HORIZON))
test = feats.filter(pl.col("date") >= CUTOFF)
print(f"train rows {train.height}  ({train['date'].min()} .. {train['date'].max()})")
print(f"test rows  {test.height}  ({test['date'].min()} .. {test['date'].max()})")

X_train = train.select(FEATURES).to_pandas()
y_train = train["target_14d"].to_numpy()
X_test = test.select(FEATURES).to_pandas()
y_test = test["target_14d"].to_numpy()

model = lgb.LGBMRegressor(
    objective="tweedie",
    tweedie_variance_power=1.3,
    n_estimators=900,
    learning_rate=0.03,
    num_leaves=63,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    verbose=-1,
)
model.fit(X_train, y_train, categorical_feature=["site_id", "product_id"])
pred = model.predict(X_test)

naive = test["mean_28"].to_numpy() * HORIZON


def wape(y, p):
    return np.abs(y - p).sum() / np.abs(y).sum()


print(f"WAPE model:       {wape(y_test, pred):.3f}")
print(f"WAPE 28-day mean: {wape(y_test, naive):.3f}")

report = (
    test.select(["site_id", "product_id", "target_14d"])
    .with_columns(pl.Series("pred", pred))
    .group_by("product_id")
    .agg(
        (pl.col("target_14d") - pl.col("pred")).abs().sum().alias("abs_err"),
        pl.col("target_14d").sum().alias("actual"),
    )
    .with_columns((pl.col("abs_err") / pl.col("actual")).alias("wape"))
    .sort("wape", descending=True)
)
print(report.head(15))
