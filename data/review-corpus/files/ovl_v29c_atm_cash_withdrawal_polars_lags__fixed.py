# label: leakage/none
# Daily cash demand per ATM for the replenishment planner.
# Target: total amount withdrawn on the day; features are built from earlier days.
import datetime as dt

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error

tx = pl.read_parquet("data/atm_daily_withdrawals.parquet")        # atm_id, date, amount, n_tx
atms = pl.read_csv("data/atm_sites.csv")                           # atm_id, site_type, region, ...
holidays = pl.read_csv("data/bank_holidays.csv", try_parse_dates=True)

daily = (
    tx.sort(["atm_id", "date"])
    .join(atms.select(["atm_id", "site_type", "region", "indoor"]), on="atm_id", how="left")
    .with_columns(
        pl.col("date").dt.weekday().alias("dow"),
        pl.col("date").dt.day().alias("dom"),
        pl.col("date").dt.month().alias("month"),
        pl.col("date").is_in(holidays["date"].implode()).cast(pl.Int8).alias("holiday"),
    )
    .with_columns(
        # paydays cluster around the 1st, 15th and the last working days
        pl.col("dom").is_in([1, 2, 15, 16, 28, 29, 30, 31]).cast(pl.Int8).alias("payday_window"),
        *[pl.col("amount").shift(k).over("atm_id").alias(f"lag_{k}") for k in (1, 2, 7, 14, 28)],
        pl.col("amount").shift(1).rolling_mean(7).over("atm_id").alias("mean_7"),
        pl.col("amount").shift(1).rolling_mean(28).over("atm_id").alias("mean_28"),
        pl.col("amount").shift(1).rolling_std(28).over("atm_id").alias("std_28"),
        pl.col("n_tx").shift(1).over("atm_id").alias("n_tx_lag_1"),
    )
    .drop_nulls(["lag_28", "mean_28", "std_28"])
)

features = ["dow", "dom", "month", "holiday", "payday_window", "indoor",
            "lag_1", "lag_2", "lag_7", "lag_14", "lag_28",
            "mean_7", "mean_28", "std_28", "n_tx_lag_1", "site_type", "region"]
pdf = daily.select(["atm_id", "date", "amount"] + features).to_pandas()
for col in ("site_type", "region"):
    pdf[col] = pdf[col].astype("category")

# last 12 weeks are scored, everything before is used for fitting
cutoff = pdf["date"].max() - dt.timedelta(weeks=12)
train_df = pdf[pdf["date"] <= cutoff]
test_df = pdf[pdf["date"] > cutoff]

model = lgb.LGBMRegressor(
    objective="tweedie", tweedie_variance_power=1.3,
    n_estimators=1200, learning_rate=0.03, num_leaves=63,
    min_child_samples=40, subsample=0.8, subsample_freq=1,
    colsample_bytree=0.8, random_state=21, verbose=-1,
)
model.fit(train_df[features], train_df["amount"], categorical_feature=["site_type", "region"])

pred = model.predict(test_df[features])
mae = mean_absolute_error(test_df["amount"], pred)
wape = np.abs(test_df["amount"] - pred).sum() / test_df["amount"].sum()
naive = np.abs(test_df["amount"] - test_df["lag_7"]).sum() / test_df["amount"].sum()
print(f"MAE {mae:,.0f}   WAPE {wape:.3%}   (same-day-last-week WAPE {naive:.3%})")

per_site = (
    test_df.assign(abs_err=np.abs(test_df["amount"] - pred))
    .groupby("site_type", observed=True)[["abs_err", "amount"]].sum()
)
print((per_site["abs_err"] / per_site["amount"]).rename("wape").round(4))
