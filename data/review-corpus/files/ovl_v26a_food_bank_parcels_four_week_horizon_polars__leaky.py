# label: leakage/overlap
"""Forecast the parcels each food bank centre will hand out over the next four weeks."""
from datetime import timedelta

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error

HORIZON = 28
TEST_DAYS = 84

daily = pl.read_csv("foodbank_daily_parcels.csv", try_parse_dates=True)
centres = pl.read_csv("foodbank_centres.csv")
calendar = pl.read_csv("benefit_payment_calendar.csv", try_parse_dates=True)

frame = (
    daily.join(centres.select(["centre_id", "catchment_households", "urban", "opening_days"]),
               on="centre_id", how="left")
    .join(calendar.select(["date", "payment_week", "school_holiday"]), on="date", how="left")
    .sort(["centre_id", "date"])
    .with_columns(
        pl.col("parcels").fill_null(0),
        pl.col("referrals").fill_null(0),
        pl.col("payment_week").fill_null(0),
        pl.col("school_holiday").fill_null(0),
    )
)

frame = frame.with_columns(
    pl.col("parcels").shift(1).rolling_sum(7).over("centre_id").alias("past_7d"),
    pl.col("parcels").shift(1).rolling_sum(28).over("centre_id").alias("past_28d"),
    pl.col("parcels").shift(1).rolling_mean(91).over("centre_id").alias("past_91d_mean"),
    pl.col("referrals").shift(1).rolling_sum(14).over("centre_id").alias("referrals_14d"),
    pl.col("date").dt.weekday().alias("weekday"),
    pl.col("date").dt.month().alias("month"),
    # parcels handed out on days t+1 .. t+HORIZON
    pl.col("parcels").reverse().rolling_sum(HORIZON).reverse().shift(-1)
    .over("centre_id").alias("next_28d"),
)
frame = frame.drop_nulls(["past_91d_mean", "next_28d"])

features = ["past_7d", "past_28d", "past_91d_mean", "referrals_14d", "payment_week",
            "school_holiday", "weekday", "month",
            "catchment_households", "urban", "opening_days"]

cutoff = frame["date"].max() - timedelta(days=TEST_DAYS)
train = frame.filter(pl.col("date") < cutoff)
test = frame.filter(pl.col("date") >= cutoff)
print(f"train rows {train.height}, test rows {test.height}, cutoff {cutoff}")

model = lgb.LGBMRegressor(objective="poisson", n_estimators=700, learning_rate=0.03,
                          num_leaves=31, min_child_samples=30, subsample=0.8,
                          subsample_freq=1, colsample_bytree=0.9, random_state=4, verbose=-1)
model.fit(train.select(features).to_numpy(), train["next_28d"].to_numpy())

pred = model.predict(test.select(features).to_numpy())
actual = test["next_28d"].to_numpy()
naive = test["past_28d"].to_numpy()
print(f"MAE model: {mean_absolute_error(actual, pred):.1f} parcels")
print(f"MAE last-28-days baseline: {mean_absolute_error(actual, naive):.1f} parcels")

scored = test.select(["centre_id", "next_28d"]).with_columns(pl.Series("pred", pred))
wape = (
    scored.group_by("centre_id")
    .agg(((pl.col("next_28d") - pl.col("pred")).abs().sum() / pl.col("next_28d").sum()).alias("wape"))
    .sort("wape", descending=True)
)
print(wape.head(10))
print(f"overall WAPE: {np.abs(actual - pred).sum() / actual.sum():.3f}")
