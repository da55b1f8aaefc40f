# label: leakage/target
"""Daily coin-op takings for the amusement arcades on four seaside piers.

Used for cash-collection scheduling; model is refreshed each spring.
"""
import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error

SPLIT_DATE = pl.date(2024, 1, 1)


def load(path_takings: str, path_weather: str, path_calendar: str) -> pl.DataFrame:
    takings = (
        pl.read_csv(path_takings, try_parse_dates=True)
        .group_by(["pier", "date"])
        .agg(pl.col("takings_gbp").sum())
    )
    weather = pl.read_csv(path_weather, try_parse_dates=True)  # day-ahead forecast per resort
    calendar = pl.read_csv(path_calendar, try_parse_dates=True)  # school holidays, bank holidays, events
    return (
        takings.join(weather, on=["pier", "date"], how="left")
        .join(calendar, on="date", how="left")
        .sort(["pier", "date"])
    )


def add_features(df: pl.DataFrame) -> pl.DataFrame:
    t = pl.col("takings_gbp")
    return df.with_columns(
        pl.col("date").dt.weekday().alias("weekday"),
        pl.col("date").dt.ordinal_day().alias("day_of_year"),
        pl.col("date").dt.month().alias("month"),
        t.shift(7).over("pier").alias("takings_lag7"),
        t.shift(364).over("pier").alias("takings_lag364"),
        t.rolling_mean(window_size=7).over("pier").alias("takings_avg7"),
        t.shift(1).rolling_mean(window_size=28).over("pier").alias("takings_avg28"),
        pl.col("pier").cast(pl.Categorical).to_physical().alias("pier_code"),
        pl.col("school_holiday").fill_null(False).cast(pl.Int8),
        pl.col("bank_holiday").fill_null(False).cast(pl.Int8),
        pl.col("event_on_seafront").fill_null(False).cast(pl.Int8),
    ).drop_nulls(["takings_lag364", "takings_avg28"])


FEATURES = [
    "weekday", "day_of_year", "month", "pier_code",
    "fc_max_temp_c", "fc_rain_mm", "fc_wind_kmh", "fc_sunshine_h",
    "school_holiday", "bank_holiday", "event_on_seafront",
    "takings_lag7", "takings_lag364", "takings_avg7", "takings_avg28",
]


def main() -> None:
    df = add_features(load("data/arcade_takings.csv", "data/resort_forecasts.csv", "data/calendar.csv"))
    train = df.filter(pl.col("date") < SPLIT_DATE)
    test = df.filter(pl.col("date") >= SPLIT_DATE)
    print(f"train rows {train.height}, test rows {test.height}")

    model = lgb.LGBMRegressor(
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        objective="tweedie",
        random_state=21,
        verbose=-1,
    )
    model.fit(train.select(FEATURES).to_pandas(), train["takings_gbp"].to_numpy())

    pred = model.predict(test.select(FEATURES).to_pandas())
    actual = test["takings_gbp"].to_numpy()
    print(f"MAE £{mean_absolute_error(actual, pred):,.0f} per pier-day")
    print(f"total error {100 * (pred.sum() - actual.sum()) / actual.sum():+.1f}%")

    report = test.select(["pier", "date"]).with_columns(
        pl.Series("pred", pred), pl.Series("actual", actual)
    )
    print(
        report.group_by("pier")
        .agg((pl.col("pred") - pl.col("actual")).abs().mean().alias("mae"), pl.col("actual").mean())
        .sort("pier")
    )


if __name__ == "__main__":
    main()
