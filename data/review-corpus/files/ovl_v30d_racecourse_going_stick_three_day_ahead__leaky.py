# label: leakage/overlap
"""Going-stick forecast for the clerks of the course.

Daily readings (average of the 40-point walk) per course, plus on-course weather
and watering logs. Target: the going-stick reading three days ahead, which is what
the clerk needs when deciding whether to water before a declaration.
"""
import numpy as np
import pandas as pd
import polars as pl
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

HORIZON = 3

readings = pl.read_csv("data/going_stick_daily.csv", try_parse_dates=True)
weather = pl.read_parquet("data/course_weather_daily.parquet")
watering = pl.read_csv("data/watering_log.csv", try_parse_dates=True)

df = (
    readings.join(weather, on=["course", "date"], how="left")
            .join(watering.group_by(["course", "date"]).agg(pl.col("mm_applied").sum()),
                  on=["course", "date"], how="left")
            .with_columns(pl.col("mm_applied").fill_null(0.0))
            .sort(["course", "date"])
)

df = df.with_columns(
    [pl.col("going_stick").shift(k).over("course").alias(f"gs_lag{k}") for k in (1, 2, 3, 7)]
    + [
        pl.col("rain_mm").rolling_sum(window_size=3).over("course").alias("rain_3d"),
        pl.col("rain_mm").rolling_sum(window_size=7).over("course").alias("rain_7d"),
        pl.col("et0_mm").rolling_sum(window_size=7).over("course").alias("et0_7d"),
        pl.col("mm_applied").rolling_sum(window_size=7).over("course").alias("water_7d"),
        pl.col("air_temp_max").rolling_mean(window_size=3).over("course").alias("tmax_3d"),
        pl.col("date").dt.ordinal_day().alias("doy"),
        pl.col("going_stick").shift(-HORIZON).over("course").alias("target"),
    ]
).drop_nulls(["gs_lag7", "rain_7d", "target"])

features = [
    "going_stick", "gs_lag1", "gs_lag2", "gs_lag3", "gs_lag7",
    "rain_mm", "rain_3d", "rain_7d", "et0_mm", "et0_7d", "mm_applied", "water_7d",
    "air_temp_max", "tmax_3d", "wind_speed", "soil_temp_10cm", "doy",
    "turf_clay_pct", "is_jumps_course",
]

pdf = df.select(["course", "date"] + features + ["target"]).to_pandas()

train_df, test_df = train_test_split(pdf, test_size=0.2, shuffle=True, random_state=8)
course_type = pd.CategoricalDtype(sorted(train_df["course"].unique()))
train_df = train_df.assign(course=train_df["course"].astype(course_type))
test_df = test_df.assign(course=test_df["course"].astype(course_type))
print(len(train_df), "train days /", len(test_df), "test days")

model = LGBMRegressor(
    n_estimators=800,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=1,
    verbose=-1,
)
model.fit(train_df[features + ["course"]], train_df["target"],
          categorical_feature=["course"])

pred = model.predict(test_df[features + ["course"]])
mae = mean_absolute_error(test_df["target"], pred)
persistence = mean_absolute_error(test_df["target"], test_df["going_stick"])
print(f"MAE {mae:.3f}  (persistence baseline {persistence:.3f})")

# clerks think in going descriptions rather than stick numbers
bands = [0, 5.5, 6.5, 7.5, 8.5, 9.5, 15]
names = ["heavy", "soft", "good_to_soft", "good", "good_to_firm", "firm"]
true_band = np.digitize(test_df["target"], bands[1:-1])
pred_band = np.digitize(pred, bands[1:-1])
print(f"same going description: {np.mean(true_band == pred_band):.1%}")
for i, name in enumerate(names):
    mask = true_band == i
    if mask.any():
        print(f"  {name:<13} n={mask.sum():>5}  hit={np.mean(pred_band[mask] == i):.1%}")
