# label: leakage/overlap
"""Forecast each greenhouse zone's misting water use over the following seven days from daily controller logs."""
from datetime import date

import numpy as np
import polars as pl
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

HORIZON = 7
CUTOFF = date(2024, 5, 1)

logs = pl.read_csv("misting_daily.csv", try_parse_dates=True)      # date, zone, water_l, weather...
zones = pl.read_csv("greenhouse_zones.csv").to_dummies(columns=["crop"])

df = (
    logs.join(zones, on="zone", how="left")
    .sort(["zone", "date"])
    .with_columns(pl.col("water_l").fill_null(strategy="forward").over("zone"))
    .with_columns(
        pl.col("water_l").shift(1).over("zone").alias("water_lag1"),
        pl.col("water_l").rolling_sum(7).over("zone").alias("water_last7"),
        pl.col("water_l").rolling_mean(28).over("zone").alias("water_mean28"),
        pl.col("temp_max_c").rolling_mean(3).over("zone").alias("temp_max_3d"),
        pl.col("solar_mj").rolling_mean(7).over("zone").alias("solar_7d"),
        pl.col("rh_min_pct").rolling_min(3).over("zone").alias("rh_min_3d"),
        (pl.col("water_l") / pl.col("area_m2")).alias("water_per_m2"),
        pl.col("date").dt.weekday().alias("weekday"),
        pl.col("date").dt.ordinal_day().alias("doy"),
        # target: litres used on the next seven days
        pl.col("water_l").reverse().rolling_sum(HORIZON).reverse().shift(-1).over("zone").alias("next7_l"),
    )
    .drop_nulls(["water_lag1", "water_mean28", "next7_l"])
)

crop_cols = [c for c in df.columns if c.startswith("crop_")]
FEATURES = ["water_l", "water_lag1", "water_last7", "water_mean28", "water_per_m2", "temp_max_c",
            "temp_max_3d", "solar_mj", "solar_7d", "rh_min_pct", "rh_min_3d", "area_m2",
            "nozzle_count", "weekday", "doy"] + crop_cols

train = df.filter(pl.col("date") < CUTOFF)
test = df.filter(pl.col("date") >= CUTOFF)
print(f"train rows {train.height} ({train['date'].min()} .. {train['date'].max()}), "
      f"test rows {test.height}")

model = LGBMRegressor(n_estimators=600, learning_rate=0.03, num_leaves=31, min_child_samples=30,
                      subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=2)
model.fit(train.select(FEATURES).to_numpy(), train["next7_l"].to_numpy())

pred = model.predict(test.select(FEATURES).to_numpy())
y_test = test["next7_l"].to_numpy()
naive = test["water_last7"].to_numpy()
print(f"MAE  model {mean_absolute_error(y_test, pred):8.1f} L   naive {mean_absolute_error(y_test, naive):8.1f} L")
print(f"MAPE model {mean_absolute_percentage_error(y_test, pred):8.3f}     "
      f"naive {mean_absolute_percentage_error(y_test, naive):8.3f}")

by_zone = (
    test.select(["zone", "next7_l"])
    .with_columns(pl.Series("pred", pred))
    .group_by("zone")
    .agg((pl.col("pred") - pl.col("next7_l")).abs().mean().alias("mae_l"),
         pl.col("next7_l").mean().alias("mean_l"))
    .sort("zone")
)
print(by_zone)
print("largest errors:", np.sort(np.abs(pred - y_test))[-5:].round(1))
