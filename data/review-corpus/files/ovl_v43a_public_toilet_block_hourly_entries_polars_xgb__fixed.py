# label: leakage/none
# Hourly footfall model for the council's staffed public toilet blocks.
# Door-counter data feed the cleaning rota: blocks expected to exceed
# 60 entries an hour get an extra attendant visit.
from datetime import datetime

import numpy as np
import polars as pl
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

COUNTS = "feeds/door_counters_hourly.parquet"
WEATHER = "feeds/met_hourly_forecast.parquet"
EVENTS = "feeds/town_centre_events.csv"


def build_frame() -> pl.DataFrame:
    counts = pl.read_parquet(COUNTS).filter(pl.col("counter_status") == "ok")
    weather = pl.read_parquet(WEATHER)
    events = pl.read_csv(EVENTS, try_parse_dates=True).with_columns(
        pl.col("event_date").cast(pl.Date), pl.lit(1).alias("event_day")
    )

    df = (
        counts.sort(["block_id", "ts"])
        .with_columns(
            pl.col("ts").dt.hour().alias("hour"),
            pl.col("ts").dt.weekday().alias("weekday"),
            pl.col("ts").dt.month().alias("month"),
            pl.col("ts").dt.date().alias("date"),
        )
        .join(weather, on=["ts"], how="left")
        .join(events.select(["event_date", "event_day"]),
              left_on="date", right_on="event_date", how="left")
        .with_columns(pl.col("event_day").fill_null(0))
    )

    lagged = df.with_columns(
        pl.col("entries").shift(1).over("block_id").alias("lag_1h"),
        pl.col("entries").shift(2).over("block_id").alias("lag_2h"),
        pl.col("entries").shift(24).over("block_id").alias("lag_24h"),
        pl.col("entries").shift(168).over("block_id").alias("lag_168h"),
        pl.col("entries").shift(1).rolling_mean(window_size=24)
        .over("block_id").alias("mean_prev_24h"),
        pl.col("entries").shift(1).rolling_max(window_size=24)
        .over("block_id").alias("max_prev_24h"),
    )
    return lagged.drop_nulls(["lag_168h", "mean_prev_24h"])


df = build_frame()
df = df.with_columns(pl.col("block_id").cast(pl.Categorical).to_physical().alias("block_code"))

FEATURES = [
    "block_code", "hour", "weekday", "month", "event_day",
    "temp_c", "precip_mm", "wind_ms",
    "lag_1h", "lag_2h", "lag_24h", "lag_168h", "mean_prev_24h", "max_prev_24h",
]
cutoff = datetime(2024, 9, 1)
train = df.filter(pl.col("ts") < cutoff)
test = df.filter(pl.col("ts") >= cutoff)
X_train, y_train = train.select(FEATURES).to_numpy(), train["entries"].to_numpy()
X_test, y_test = test.select(FEATURES).to_numpy(), test["entries"].to_numpy()

model = xgb.XGBRegressor(
    objective="count:poisson",
    n_estimators=800,
    learning_rate=0.05,
    max_depth=7,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=5,
    tree_method="hist",
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
print(f"MAE: {mean_absolute_error(y_test, pred):.2f} entries/hour")
print(f"Poisson deviance: {mean_poisson_deviance(y_test, np.clip(pred, 1e-6, None)):.3f}")

busy = y_test >= 60
flagged = pred >= 60
print(f"busy hours caught: {(busy & flagged).sum()} / {busy.sum()}")
print(f"extra visits sent to quiet hours: {(flagged & ~busy).sum()}")
print(f"run finished {datetime.now():%Y-%m-%d %H:%M}")
