# label: leakage/none
"""Predict how long an aircraft will occupy a de-icing pad, for winter gate and slot planning."""
from datetime import datetime

import numpy as np
import polars as pl
from catboost import CatBoostRegressor
from sklearn.metrics import mean_absolute_error

CAT_FEATURES = ["pad_id", "aircraft_type", "wake_category", "precip_type", "fluid_plan"]
NUM_FEATURES = ["oat_c", "dew_point_c", "snow_rate_mm_h", "wind_kn", "queue_on_arrival",
                "hour", "pad_mean_min", "wingspan_m"]

events = pl.read_parquet("deicing_events.parquet")
aircraft = pl.read_csv("aircraft_types.csv")    # aircraft_type, wake_category, wingspan_m
metar = pl.read_parquet("metar_halfhourly.parquet")

df = (
    events
    .filter(pl.col("deice_minutes").is_between(2, 90))
    .with_columns(pl.col("pad_arrival").str.to_datetime("%Y-%m-%d %H:%M:%S"))
    .join(aircraft, on="aircraft_type", how="left")
    .sort("pad_arrival")
)
metar = metar.with_columns(pl.col("obs_time").str.to_datetime("%Y-%m-%d %H:%M:%S")).sort("obs_time")
df = df.join_asof(metar, left_on="pad_arrival", right_on="obs_time", strategy="backward")

df = df.with_columns(
    pl.col("pad_arrival").dt.hour().alias("hour"),
    pl.col("precip_type").fill_null("none"),
    pl.col("fluid_plan").fill_null("type1_only"),
    pl.col("snow_rate_mm_h").fill_null(0.0),
    pl.col("aircraft_type").fill_null("UNKN"),
    pl.col("wake_category").fill_null("M"),
)

# typical occupancy of each pad, from the days before the event
df = df.with_columns(pl.col("pad_arrival").dt.date().alias("day"))
pad_days = (
    df.group_by("pad_id", "day")
    .agg(pl.col("deice_minutes").sum().alias("min_sum"), pl.len().alias("n_events"))
    .sort("pad_id", "day")
    .with_columns(
        (pl.col("min_sum").cum_sum().shift(1) / pl.col("n_events").cum_sum().shift(1))
        .over("pad_id").alias("pad_mean_min")
    )
)
df = df.join(pad_days.select("pad_id", "day", "pad_mean_min"), on=["pad_id", "day"], how="left")

split_at = datetime(2023, 10, 1)
train = df.filter(pl.col("pad_arrival") < split_at)
test = df.filter(pl.col("pad_arrival") >= split_at)
print(f"train {train.height} events, test {test.height} events (winter 2023-24)")

cols = CAT_FEATURES + NUM_FEATURES
X_train = train.select(cols).to_pandas()
X_test = test.select(cols).to_pandas()
y_train = train["deice_minutes"].to_numpy()
y_test = test["deice_minutes"].to_numpy()

model = CatBoostRegressor(iterations=1200, learning_rate=0.04, depth=6, loss_function="MAE",
                          random_seed=31, verbose=200)
model.fit(X_train, y_train, cat_features=CAT_FEATURES)
pred = model.predict(X_test)

print(f"MAE {mean_absolute_error(y_test, pred):.2f} min, "
      f"within 3 min {np.mean(np.abs(pred - y_test) <= 3):.3f}")
by_precip = (
    test.select("precip_type")
    .with_columns(pl.Series("abs_err", np.abs(pred - y_test)))
    .group_by("precip_type")
    .agg(pl.len().alias("events"), pl.col("abs_err").mean().alias("mae"))
    .sort("events", descending=True)
)
print(by_precip)
