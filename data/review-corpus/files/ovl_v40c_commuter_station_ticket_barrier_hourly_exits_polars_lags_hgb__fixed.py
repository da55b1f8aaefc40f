# label: leakage/none
"""Day-ahead hourly exits through the ticket barriers at the interchange station.

Gate-line staffing and the number of wide-aisle gates left open are rostered
the afternoon before, so every lag used here is at least 24 hours old.
"""
from datetime import timedelta

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

TAPS = "data/gateline_taps_hourly.csv"
CALENDAR = "data/bank_holidays_school_terms.csv"
EVENTS = "data/arena_event_dates.csv"


def load_exits() -> pl.DataFrame:
    exits = (
        pl.read_csv(TAPS, try_parse_dates=True)
        .filter(pl.col("direction") == "out")
        .group_by("hour_start")
        .agg(pl.col("taps").sum().alias("exits"))
        .sort("hour_start")
    )
    cal = pl.read_csv(CALENDAR, try_parse_dates=True)
    events = pl.read_csv(EVENTS, try_parse_dates=True).with_columns(pl.lit(1).alias("arena_event"))
    return (
        exits.with_columns(pl.col("hour_start").dt.date().alias("date"))
        .join(cal, on="date", how="left")
        .join(events.select("date", "arena_event"), on="date", how="left")
        .with_columns(
            pl.col("bank_holiday").fill_null(0),
            pl.col("school_holiday").fill_null(0),
            pl.col("arena_event").fill_null(0),
        )
    )


def add_features(df: pl.DataFrame) -> pl.DataFrame:
    v = pl.col("exits")
    return df.with_columns(
        pl.col("hour_start").dt.hour().alias("hour"),
        pl.col("hour_start").dt.weekday().alias("weekday"),
        pl.col("hour_start").dt.month().alias("month"),
        v.shift(24).alias("lag_24h"),
        v.shift(48).alias("lag_48h"),
        v.shift(168).alias("lag_1w"),
        v.shift(336).alias("lag_2w"),
        v.shift(24).rolling_mean(24).alias("mean_prev_day"),
        v.shift(24).rolling_mean(168).alias("mean_prev_week"),
        v.shift(24).rolling_max(168).alias("max_prev_week"),
    ).drop_nulls()


FEATURES = [
    "hour", "weekday", "month", "bank_holiday", "school_holiday", "arena_event",
    "lag_24h", "lag_48h", "lag_1w", "lag_2w",
    "mean_prev_day", "mean_prev_week", "max_prev_week",
]


def main():
    df = add_features(load_exits())
    cutoff = df["hour_start"].max() - timedelta(weeks=12)
    train = df.filter(pl.col("hour_start") < cutoff)
    test = df.filter(pl.col("hour_start") >= cutoff)

    X_train, y_train = train.select(FEATURES).to_numpy(), train["exits"].to_numpy()
    X_test, y_test = test.select(FEATURES).to_numpy(), test["exits"].to_numpy()

    model = HistGradientBoostingRegressor(
        loss="poisson",
        max_iter=600,
        learning_rate=0.05,
        max_leaf_nodes=48,
        categorical_features=[0, 1, 2],
        random_state=0,
    )
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    mae = mean_absolute_error(y_test, pred)
    wape = np.abs(y_test - pred).sum() / y_test.sum()
    naive = mean_absolute_error(y_test, X_test[:, FEATURES.index("lag_1w")])
    print(f"hours train/test: {len(y_train)}/{len(y_test)}")
    print(f"MAE exits/hour: {mae:.1f}  (same hour last week: {naive:.1f})")
    print(f"WAPE: {wape:.2%}")

    peak = np.isin(X_test[:, 0], [7, 8, 9, 17, 18])
    print(f"peak-hour MAE: {mean_absolute_error(y_test[peak], pred[peak]):.1f}")


if __name__ == "__main__":
    main()
