# label: leakage/none
# twin: ovl_v12_store_sales_polars__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
from datetime import date

import polars as pl
import xgboost as xgb
from sklearn.metrics import mean_absolute_percentage_error

sales = pl.read_csv("data/store_daily_sales.csv", try_parse_dates=True).sort(["store_id", "date"])

feats = sales.with_columns(
    pl.col("sales").shift(1).over("store_id").alias("lag_1"),
    pl.col("sales").shift(7).over("store_id").alias("lag_7"),
    pl.col("sales").shift(1).rolling_mean(window_size=7).over("store_id").alias("roll_7"),
    pl.col("date").dt.weekday().alias("dow"),
    pl.col("date").dt.month().alias("month"),
).drop_nulls()

cols = ["lag_1", "lag_7", "roll_7", "dow", "month", "promo", "holiday"]
cutoff = date(2024, 7, 1)
train = feats.filter(pl.col("date") < cutoff)
test = feats.filter(pl.col("date") >= cutoff)

model = xgb.XGBRegressor(n_estimators=600, learning_rate=0.05, max_depth=6, subsample=0.9)
model.fit(train.select(cols).to_numpy(), train["sales"].to_numpy())

pred = model.predict(test.select(cols).to_numpy())
print("MAPE:", mean_absolute_percentage_error(test["sales"].to_numpy(), pred))
