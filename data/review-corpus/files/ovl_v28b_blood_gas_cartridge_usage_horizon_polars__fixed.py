# label: leakage/none
# Point-of-care blood gas analysers (ED + ICU): forecast how many test cartridges the
# hospital will use over the next 7 days so pharmacy can place the weekly order.
from datetime import timedelta

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

HORIZON = 7

usage = (
    pl.read_csv("data/bga_daily_cartridges.csv", try_parse_dates=True)
    .group_by("date").agg(pl.col("cartridges").sum())
    .sort("date")
)
calendar = pl.read_parquet("data/hospital_calendar.parquet")   # date, bank_holiday, elective_list_size

df = (
    usage.join(calendar, on="date", how="left")
    .with_columns(
        pl.col("date").dt.weekday().alias("dow"),
        pl.col("date").dt.month().alias("month"),
        *[pl.col("cartridges").shift(k).alias(f"lag_{k}") for k in (1, 2, 7, 14, 28)],
        pl.col("cartridges").shift(1).rolling_mean(7).alias("mean_7"),
        pl.col("cartridges").shift(1).rolling_mean(28).alias("mean_28"),
        pl.col("cartridges").shift(1).rolling_std(28).alias("std_28"),
        # order quantity: total over the coming week
        pl.sum_horizontal([pl.col("cartridges").shift(-k) for k in range(1, HORIZON + 1)])
        .alias("next_7d"),
        pl.col("cartridges").shift(-HORIZON).alias("_horizon_end"),
    )
    .drop_nulls(["lag_28", "mean_28", "std_28", "_horizon_end"])
)

feature_cols = [
    "dow", "month", "bank_holiday", "elective_list_size",
    "lag_1", "lag_2", "lag_7", "lag_14", "lag_28", "mean_7", "mean_28", "std_28",
]

# last 20% of days for hold-out
n_test = int(0.2 * df.height)
test_start = df.get_column("date")[df.height - n_test]
train_df = df.filter(pl.col("date") <= test_start - timedelta(days=HORIZON + 1))
test_df = df.filter(pl.col("date") >= test_start)

X_train = train_df.select(feature_cols).to_numpy()
y_train = train_df.get_column("next_7d").to_numpy()
X_test = test_df.select(feature_cols).to_numpy()
y_test = test_df.get_column("next_7d").to_numpy()

model = HistGradientBoostingRegressor(
    loss="poisson", max_iter=400, learning_rate=0.04, min_samples_leaf=15, random_state=1
)
cv_mae = -cross_val_score(
    model, X_train, y_train,
    cv=TimeSeriesSplit(n_splits=5, gap=HORIZON),
    scoring="neg_mean_absolute_error",
)
print(f"cv MAE {cv_mae.mean():.1f} +/- {cv_mae.std():.1f} cartridges / week")

model.fit(X_train, y_train)
pred = model.predict(X_test)
naive = X_test[:, feature_cols.index("mean_7")] * HORIZON
print(f"hold-out MAE  model {mean_absolute_error(y_test, pred):.1f} | naive {mean_absolute_error(y_test, naive):.1f}")
print(f"hold-out MAPE {mean_absolute_percentage_error(y_test, pred):.3%}")
print("share of weeks under-ordered:", float(np.mean(pred < y_test)))
