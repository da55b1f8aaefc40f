# label: leakage/none
# Week-ahead green waste tonnage at the council's household recycling sites.
# Haulage for the shredding contractor is booked a week in advance, so each
# evening we forecast the tonnes that will come through each site's gate over
# the next seven days.
import operator
from datetime import timedelta
from functools import reduce

import numpy as np
import polars as pl
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HORIZON = 7
TEST_DAYS = 120

gate = (
    pl.read_csv("data/green_waste_gate_daily.csv", try_parse_dates=True)
    .sort(["site_id", "date"])
)
weather = pl.read_csv("data/met_daily_county.csv", try_parse_dates=True)

df = gate.join(weather, on="date", how="left").with_columns(
    pl.col("rain_mm").fill_null(0.0),
    pl.col("mean_temp_c").fill_null(strategy="forward").over("site_id"),
)

tonnes = pl.col("tonnes")
df = df.with_columns(
    tonnes.shift(1).over("site_id").alias("lag_1"),
    tonnes.shift(7).over("site_id").alias("lag_7"),
    tonnes.rolling_mean(7).over("site_id").alias("mean_7"),
    tonnes.rolling_mean(28).over("site_id").alias("mean_28"),
    pl.col("rain_mm").rolling_sum(7).over("site_id").alias("rain_7"),
    pl.col("mean_temp_c").rolling_mean(14).over("site_id").alias("temp_14"),
    (2 * np.pi * pl.col("date").dt.ordinal_day() / 365.25).sin().alias("doy_sin"),
    (2 * np.pi * pl.col("date").dt.ordinal_day() / 365.25).cos().alias("doy_cos"),
    pl.col("date").dt.weekday().alias("weekday"),
    # total over the next seven days, null at the end of each site's record
    reduce(operator.add, [tonnes.shift(-k).over("site_id") for k in range(1, HORIZON + 1)])
    .alias("tonnes_next_7d"),
)

FEATURES = [
    "tonnes", "lag_1", "lag_7", "mean_7", "mean_28", "rain_7", "temp_14",
    "doy_sin", "doy_cos", "weekday", "site_open_hours", "permits_active",
]
df = df.drop_nulls(subset=FEATURES + ["tonnes_next_7d"])

cutoff = df["date"].max() - timedelta(days=TEST_DAYS)
train = df.filter(pl.col("date") < cutoff - timedelta(days=HORIZON))
test = df.filter(pl.col("date") >= cutoff)
print(f"train rows {train.height} up to {train['date'].max()}, test rows {test.height} from {cutoff}")

model = make_pipeline(StandardScaler(), Ridge(alpha=5.0))
model.fit(train.select(FEATURES).to_numpy(), train["tonnes_next_7d"].to_numpy())

pred = model.predict(test.select(FEATURES).to_numpy())
actual = test["tonnes_next_7d"].to_numpy()
naive = 7 * test["mean_7"].to_numpy()

print(f"ridge  MAE {mean_absolute_error(actual, pred):6.2f} t  MAPE {mean_absolute_percentage_error(actual, pred):.1%}")
print(f"naive  MAE {mean_absolute_error(actual, naive):6.2f} t  MAPE {mean_absolute_percentage_error(actual, naive):.1%}")

by_site = (
    test.with_columns(pl.Series("pred", pred))
    .group_by("site_id")
    .agg(
        (pl.col("pred") - pl.col("tonnes_next_7d")).abs().mean().alias("mae_t"),
        pl.col("tonnes_next_7d").mean().alias("mean_week_t"),
    )
    .sort("site_id")
)
print(by_site)
