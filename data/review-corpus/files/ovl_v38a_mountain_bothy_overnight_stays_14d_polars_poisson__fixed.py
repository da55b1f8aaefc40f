# label: leakage/none
"""Two-week overnight stays at mountain bothies.

Volunteer maintenance officers transcribe the bothy logbooks into daily
counts. The association wants a 14-day outlook per bothy to plan firewood
drops and maintenance weekends. Model: Poisson GLM on lagged counts,
season and weather.
"""
from datetime import date, timedelta

import numpy as np
import polars as pl
import statsmodels.api as sm
import statsmodels.formula.api as smf

LOGBOOK = "logbooks/bothy_daily_stays.csv"
WEATHER = "weather/upland_daily.csv"
HORIZON = 14
CUTOFF = date(2023, 10, 1)


def build_features(path_logbook, path_weather):
    stays = pl.read_csv(path_logbook, try_parse_dates=True)
    weather = pl.read_csv(path_weather, try_parse_dates=True)

    df = (
        stays.join(weather, on=["area", "date"], how="left")
        .sort(["bothy_id", "date"])
        .with_columns(
            pl.col("stays").shift(1).rolling_sum(7).over("bothy_id").alias("stays_last_7d"),
            pl.col("stays").shift(1).rolling_sum(28).over("bothy_id").alias("stays_last_28d"),
            pl.col("stays").shift(365).rolling_sum(HORIZON).shift(-HORIZON)
            .over("bothy_id").alias("stays_same_fortnight_last_year"),
            pl.col("snow_depth_cm").shift(1).rolling_mean(7).over("bothy_id").alias("snow_last_7d"),
            pl.col("rain_mm").shift(1).rolling_sum(7).over("bothy_id").alias("rain_last_7d"),
            pl.col("date").dt.month().alias("month"),
            (pl.col("date").dt.weekday() >= 6).cast(pl.Int8).alias("weekend"),
            # outcome: stays over the next 14 nights, starting tomorrow
            pl.col("stays").rolling_sum(HORIZON).shift(-HORIZON).over("bothy_id")
            .alias("stays_next_14d"),
        )
        .drop_nulls(["stays_last_28d", "stays_same_fortnight_last_year", "stays_next_14d"])
        .with_columns(
            (pl.col("stays_last_28d") + 1).log().alias("log_last_28d"),
            (pl.col("stays_same_fortnight_last_year") + 1).log().alias("log_last_year"),
        )
    )
    return df


df = build_features(LOGBOOK, WEATHER)
print(df.select(pl.len(), pl.col("bothy_id").n_unique(), pl.col("date").min(), pl.col("date").max()))

train = df.filter(pl.col("date") < CUTOFF - timedelta(days=HORIZON)).to_pandas()
test = df.filter(pl.col("date") >= CUTOFF).to_pandas()
print(f"train rows {len(train)}, test rows {len(test)}")

formula = (
    "stays_next_14d ~ log_last_28d + np.log1p(stays_last_7d) + log_last_year"
    " + snow_last_7d + rain_last_7d + weekend + C(month) + C(region)"
    " + remote_walk_in_km + sleeping_capacity"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit(cov_type="HC0")
print(glm.summary().tables[1])

pred = glm.predict(test)
err = test["stays_next_14d"] - pred
mae = np.abs(err).mean()
baseline = np.abs(test["stays_next_14d"] - test["stays_same_fortnight_last_year"]).mean()
print(f"test MAE: {mae:.2f} stays  (last-year baseline {baseline:.2f})")
print(f"test bias: {err.mean():+.2f}")

per_region = (
    test.assign(pred=pred, abs_err=np.abs(err))
    .groupby("region")[["stays_next_14d", "pred", "abs_err"]]
    .mean()
    .round(2)
)
print(per_region.to_string())
