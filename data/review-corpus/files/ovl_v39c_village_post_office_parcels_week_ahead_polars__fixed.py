# label: leakage/none
"""Week-ahead parcel counter volume for rural post office branches.

Each evening the area manager gets, per branch, the expected number of parcels
handed in over the next seven trading days so that van collections and
counter cover can be booked.
"""
from datetime import date, timedelta

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

HORIZON = 7
CUTOFF = date(2024, 7, 1)

daily = (
    pl.read_csv("counters/branch_daily_counts.csv", try_parse_dates=True)
    .filter(pl.col("open_flag") == 1)
    .sort(["branch_id", "trade_date"])
)
branches = pl.read_csv("counters/branch_register.csv")
calendar = pl.read_csv("counters/trading_calendar.csv", try_parse_dates=True)

df = (
    daily.join(branches, on="branch_id", how="left")
    .join(calendar, on="trade_date", how="left")
    .with_columns(
        pl.col("trade_date").dt.weekday().alias("weekday"),
        pl.col("trade_date").dt.month().alias("month"),
        pl.col("parcels").shift(1).over("branch_id").alias("parcels_lag_1"),
        pl.col("parcels").shift(6).over("branch_id").alias("parcels_lag_6"),
        pl.col("parcels").rolling_sum(window_size=HORIZON).over("branch_id").alias("parcels_last_7"),
        pl.col("parcels").rolling_mean(window_size=28).over("branch_id").alias("parcels_mean_28"),
        pl.col("parcels").rolling_std(window_size=28).over("branch_id").alias("parcels_std_28"),
        pl.col("letters").rolling_mean(window_size=7).over("branch_id").alias("letters_mean_7"),
        pl.col("bank_holidays_next_7").fill_null(0),
        pl.col("school_holiday").fill_null(0),
    )
    .with_columns(
        pl.sum_horizontal(
            [pl.col("parcels").shift(-k).over("branch_id") for k in range(1, HORIZON + 1)]
        ).alias("parcels_next_7"),
        pl.col("parcels").shift(-HORIZON).over("branch_id").alias("_last_day"),
    )
    .filter(pl.col("_last_day").is_not_null() & pl.col("parcels_mean_28").is_not_null())
    .drop("_last_day")
)

FEATURES = [
    "weekday", "month", "parcels", "parcels_lag_1", "parcels_lag_6", "parcels_last_7",
    "parcels_mean_28", "parcels_std_28", "letters_mean_7", "bank_holidays_next_7",
    "school_holiday", "catchment_households", "has_shop_counter", "distance_to_town_km",
]

train = df.filter(pl.col("trade_date") < CUTOFF - timedelta(days=HORIZON + 3))
test = df.filter(pl.col("trade_date") >= CUTOFF)
print(f"train rows {train.height}, test rows {test.height}")

X_train = train.select(FEATURES).to_numpy()
y_train = train["parcels_next_7"].to_numpy()
X_test = test.select(FEATURES).to_numpy()
y_test = test["parcels_next_7"].to_numpy()

model = HistGradientBoostingRegressor(
    loss="poisson",
    learning_rate=0.05,
    max_iter=500,
    max_leaf_nodes=31,
    min_samples_leaf=40,
    l2_regularization=1.0,
    categorical_features=[0, 1],
    random_state=0,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

naive = test["parcels_last_7"].to_numpy()
print(f"naive last-7 MAE: {mean_absolute_error(y_test, naive):.2f} parcels")
print(f"model MAE:        {mean_absolute_error(y_test, pred):.2f} parcels")
wape = np.abs(y_test - pred).sum() / y_test.sum()
print(f"model WAPE:       {wape:.3%}")

by_branch = (
    test.select("branch_id", "parcels_next_7")
    .with_columns(pl.Series("pred", pred))
    .group_by("branch_id")
    .agg((pl.col("parcels_next_7") - pl.col("pred")).abs().mean().alias("mae"))
    .sort("mae", descending=True)
)
print(by_branch.head(10))
