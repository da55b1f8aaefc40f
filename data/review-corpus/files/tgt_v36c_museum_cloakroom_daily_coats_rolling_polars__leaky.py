# label: leakage/target
"""Daily cloakroom demand for the museum front-of-house rota.

Predicts how many coats and bags are checked in on a given day from the
calendar, advance ticket sales, the weather forecast and recent demand.
"""
import polars as pl
from sklearn.linear_model import PoissonRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DATA = "data/cloakroom_daily.csv"
TEST_DAYS = 120
FEATURES = [
    "advance_tickets", "forecast_rain_mm", "forecast_max_temp_c", "school_holiday",
    "late_opening", "exhibition_open", "weekday", "is_weekend", "month",
    "coats_lag1", "coats_lag7", "coats_mean7",
]


def load_days(path):
    return (
        pl.read_csv(path, try_parse_dates=True)
        .filter(pl.col("museum_open"))
        .sort("date")
        .with_columns(pl.col("forecast_rain_mm").fill_null(0.0))
    )


def add_features(days):
    return (
        days.with_columns(
            weekday=pl.col("date").dt.weekday(),
            month=pl.col("date").dt.month(),
            is_weekend=(pl.col("date").dt.weekday() >= 6).cast(pl.Int8),
            school_holiday=pl.col("school_holiday").cast(pl.Int8),
            late_opening=pl.col("late_opening").cast(pl.Int8),
            exhibition_open=pl.col("exhibition_open").cast(pl.Int8),
            coats_lag1=pl.col("coats").shift(1),
            coats_lag7=pl.col("coats").shift(7),
            coats_mean7=pl.col("coats").rolling_mean(window_size=7),
        )
        .drop_nulls(FEATURES)
    )


def split_by_date(frame, test_days):
    cutoff = frame.select(pl.col("date").max() - pl.duration(days=test_days)).item()
    return frame.filter(pl.col("date") <= cutoff), frame.filter(pl.col("date") > cutoff)


def main():
    days = add_features(load_days(DATA))
    train, test = split_by_date(days, TEST_DAYS)
    print(f"train {train['date'].min()} .. {train['date'].max()} ({train.height} days)")
    print(f"test  {test['date'].min()} .. {test['date'].max()} ({test.height} days)")

    model = make_pipeline(StandardScaler(), PoissonRegressor(alpha=1e-3, max_iter=500))
    model.fit(train.select(FEATURES).to_numpy(), train["coats"].to_numpy())

    pred = model.predict(test.select(FEATURES).to_numpy())
    actual = test["coats"].to_numpy()
    print(f"MAE model:          {mean_absolute_error(actual, pred):.1f} coats/day")
    print(f"MAE lag-7 baseline: {mean_absolute_error(actual, test['coats_lag7'].to_numpy()):.1f} coats/day")

    weekly = (
        test.with_columns(pl.Series("pred", pred))
        .group_by("weekday")
        .agg(pl.col("coats").mean().round(1), pl.col("pred").mean().round(1))
        .sort("weekday")
    )
    print(weekly)

    coefs = dict(zip(FEATURES, model[-1].coef_.round(3)))
    for name, value in sorted(coefs.items(), key=lambda kv: -abs(kv[1])):
        print(f"{name:>22}: {value:+.3f}")


if __name__ == "__main__":
    main()
