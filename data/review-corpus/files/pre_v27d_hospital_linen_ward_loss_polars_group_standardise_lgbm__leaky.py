# label: leakage/preprocessing
"""Forecast weekly linen losses per hospital ward with LightGBM on ward activity features."""
from datetime import date

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error

WARD_TYPES = {"medical": 0, "surgical": 1, "paediatric": 2, "maternity": 3, "critical_care": 4, "elderly_care": 5}
USAGE = ["issued_per_bed", "turnover_per_bed", "isolation_share"]

weeks = pl.read_parquet("ward_linen_weeks.parquet")
wards = pl.read_csv("ward_directory.csv")

df = (
    weeks.join(wards, on="ward_id", how="left")
    .filter((pl.col("linen_issued") > 0) & (pl.col("beds") > 0))
    .sort(["ward_id", "week_start"])
    .with_columns(
        (pl.col("linen_issued") / pl.col("beds")).alias("issued_per_bed"),
        ((pl.col("admissions") + pl.col("discharges")) / pl.col("beds")).alias("turnover_per_bed"),
        (pl.col("isolation_bed_days") / (pl.col("beds") * 7)).alias("isolation_share"),
        pl.col("week_start").dt.month().alias("month"),
        pl.col("ward_type").replace_strict(WARD_TYPES, default=-1).alias("ward_type_code"),
        pl.col("linen_lost").shift(1).over("ward_id").alias("lost_prev_week"),
        pl.col("linen_lost").shift(1).rolling_mean(window_size=4).over("ward_id").alias("lost_prev_4wk"),
    )
    .drop_nulls(["lost_prev_week", "lost_prev_4wk"])
)

# scale usage within each ward type so that different kinds of ward are comparable
df = df.with_columns(
    [
        ((pl.col(c) - pl.col(c).mean().over("ward_type")) / pl.col(c).std().over("ward_type")).alias(f"{c}_z")
        for c in USAGE
    ]
)

cutoff = date(2024, 1, 1)
train = df.filter(pl.col("week_start") < cutoff)
test = df.filter(pl.col("week_start") >= cutoff)
print(train.height, "train ward-weeks,", test.height, "test ward-weeks")

features = ["beds", "occupancy_pct", "month", "ward_type_code", "lost_prev_week", "lost_prev_4wk"]
features += USAGE + [f"{c}_z" for c in USAGE]

model = lgb.LGBMRegressor(
    objective="poisson", n_estimators=600, learning_rate=0.03, num_leaves=15,
    min_child_samples=30, subsample=0.8, subsample_freq=1, random_state=1, verbose=-1,
)
model.fit(train.select(features).to_numpy(), train["linen_lost"].to_numpy())
pred = model.predict(test.select(features).to_numpy())

y_test = test["linen_lost"].to_numpy()
print("test MAE (items/week):", round(mean_absolute_error(y_test, pred), 2))
print("previous-week naive MAE:", round(mean_absolute_error(y_test, test["lost_prev_week"].to_numpy()), 2))
print("total predicted / actual:", round(float(np.sum(pred) / np.sum(y_test)), 3))

summary = (
    test.with_columns(pl.Series("pred", pred))
    .group_by("ward_type")
    .agg(
        pl.col("linen_lost").sum().alias("actual"),
        pl.col("pred").sum().round(0).alias("predicted"),
        (pl.col("linen_lost") - pl.col("pred")).abs().mean().round(2).alias("mae"),
    )
    .sort("ward_type")
)
print(summary)
