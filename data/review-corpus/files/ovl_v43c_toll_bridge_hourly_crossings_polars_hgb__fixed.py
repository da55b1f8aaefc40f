# label: leakage/none
# Hourly vehicle crossings at the toll bridge plazas -> staffing of manual lanes.
# Rosters are drawn up a day ahead, so the most recent count available is 24h old.
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

RAW = "exports/plaza_counts_hourly.parquet"
EVENTS = "exports/event_calendar.csv"

counts = (
    pl.read_parquet(RAW)
    .with_columns(pl.col("hour_start").cast(pl.Datetime("us")))
    .group_by("hour_start")
    .agg(pl.col("vehicles").sum(), pl.col("hgv").sum())
    .sort("hour_start")
    .upsample(time_column="hour_start", every="1h")
    .with_columns(pl.col("vehicles").fill_null(0), pl.col("hgv").fill_null(0))
)

events = pl.read_csv(EVENTS, try_parse_dates=True).select(
    pl.col("date"), pl.col("event_type"), pl.lit(1).alias("event_day")
)

frame = (
    counts.with_columns(
        pl.col("hour_start").dt.date().alias("date"),
        pl.col("hour_start").dt.hour().alias("hour"),
        pl.col("hour_start").dt.weekday().alias("dow"),
        pl.col("hour_start").dt.month().alias("month"),
    )
    .join(events, on="date", how="left")
    .with_columns(
        pl.col("event_day").fill_null(0),
        (pl.col("event_type") == "concert").fill_null(False).cast(pl.Int8).alias("concert"),
        (pl.col("event_type") == "bank_holiday").fill_null(False).cast(pl.Int8).alias("bank_holiday"),
    )
    .with_columns(
        pl.col("vehicles").shift(24).alias("lag_24h"),
        pl.col("vehicles").shift(48).alias("lag_48h"),
        pl.col("vehicles").shift(168).alias("lag_1w"),
        pl.col("vehicles").shift(336).alias("lag_2w"),
        pl.col("hgv").shift(24).alias("hgv_lag_24h"),
        pl.col("vehicles").shift(24).rolling_mean(window_size=24).alias("mean_prev_day"),
        pl.col("vehicles").shift(24).rolling_mean(window_size=168).alias("mean_prev_week"),
    )
    .drop_nulls(["lag_2w", "mean_prev_week"])
)

FEATURES = [
    "hour", "dow", "month", "event_day", "concert", "bank_holiday",
    "lag_24h", "lag_48h", "lag_1w", "lag_2w", "hgv_lag_24h",
    "mean_prev_day", "mean_prev_week",
]

cutoff = frame.get_column("hour_start").sort()[int(frame.height * 0.85)]
train_frame = frame.filter(pl.col("hour_start") < cutoff)
test_frame = frame.filter(pl.col("hour_start") >= cutoff)
X_train, y_train = train_frame.select(FEATURES).to_numpy(), train_frame.get_column("vehicles").to_numpy()
X_test, y_test = test_frame.select(FEATURES).to_numpy(), test_frame.get_column("vehicles").to_numpy()

model = HistGradientBoostingRegressor(
    loss="poisson",
    max_iter=600,
    learning_rate=0.05,
    max_leaf_nodes=48,
    l2_regularization=1.0,
    categorical_features=[0, 1, 2],
    random_state=5,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

busy = y_test > np.quantile(y_train, 0.9)
print(f"rows train/test: {len(y_train)}/{len(y_test)}")
print(f"MAE:              {mean_absolute_error(y_test, pred):.1f} vehicles/hour")
print(f"MAPE (>50 veh):   {mean_absolute_percentage_error(y_test[y_test > 50], pred[y_test > 50]):.2%}")
print(f"MAE busy hours:   {mean_absolute_error(y_test[busy], pred[busy]):.1f}")

naive = X_test[:, FEATURES.index("lag_1w")]
print(f"same-hour-last-week MAE: {mean_absolute_error(y_test, naive):.1f}")
