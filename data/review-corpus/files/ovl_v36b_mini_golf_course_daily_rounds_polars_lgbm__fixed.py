# label: leakage/none
"""Daily rounds played at the six adventure mini golf courses.

Used by the operations team to plan staffing and putter/ball stock for the next day.
"""
from datetime import date

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error

ROUNDS = "data/course_daily_rounds.parquet"
WEATHER = "data/met_forecast_daily.parquet"
HOLIDAYS = "data/school_holidays.csv"


def load():
    rounds = pl.read_parquet(ROUNDS)  # course_id, date, rounds
    fc = pl.read_parquet(WEATHER)     # course_id, date, fc_temp_max_c, fc_rain_mm, fc_wind_kph
    hol = pl.read_csv(HOLIDAYS, try_parse_dates=True).with_columns(pl.lit(1).alias("school_holiday"))
    return (
        rounds.join(fc, on=["course_id", "date"], how="left")
        .join(hol.select(["date", "school_holiday"]), on="date", how="left")
        .with_columns(pl.col("school_holiday").fill_null(0))
        .sort(["course_id", "date"])
    )


def add_features(df):
    return (
        df.with_columns(
            pl.col("date").dt.weekday().alias("dow"),
            pl.col("date").dt.month().alias("month"),
            pl.col("date").dt.ordinal_day().alias("doy"),
            pl.col("rounds").shift(1).over("course_id").alias("lag_1"),
            pl.col("rounds").shift(7).over("course_id").alias("lag_7"),
            pl.col("rounds").shift(14).over("course_id").alias("lag_14"),
            pl.col("rounds").shift(1).rolling_mean(7).over("course_id").alias("mean_7"),
            pl.col("rounds").shift(1).rolling_std(28).over("course_id").alias("std_28"),
            pl.col("course_id").cast(pl.Categorical).to_physical().alias("course_code"),
        )
        .drop_nulls(["lag_14", "mean_7", "std_28"])
    )


FEATURES = [
    "course_code", "dow", "month", "doy", "school_holiday",
    "fc_temp_max_c", "fc_rain_mm", "fc_wind_kph",
    "lag_1", "lag_7", "lag_14", "mean_7", "std_28",
]


def split_frame(df, cutoff=date(2024, 5, 1)):
    return df.filter(pl.col("date") < cutoff), df.filter(pl.col("date") >= cutoff)


def main():
    df = add_features(load())
    train, test = split_frame(df)
    print(f"train rows {train.height}, test rows {test.height}")

    X_train, y_train = train.select(FEATURES).to_pandas(), train["rounds"].to_numpy()
    X_test, y_test = test.select(FEATURES).to_pandas(), test["rounds"].to_numpy()

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=900,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=3,
        verbose=-1,
    )
    model.fit(X_train, y_train, categorical_feature=["course_code"])
    pred = model.predict(X_test)

    naive = X_test["lag_7"].to_numpy()
    print(f"MAE model             : {mean_absolute_error(y_test, pred):.1f} rounds/day")
    print(f"MAE same-day-last-week: {mean_absolute_error(y_test, naive):.1f} rounds/day")

    per_course = (
        test.select(["course_id"]).with_columns(
            pl.Series("abs_err", np.abs(y_test - pred)),
        )
        .group_by("course_id").agg(pl.col("abs_err").mean().round(1))
        .sort("course_id")
    )
    print(per_course)


if __name__ == "__main__":
    main()
