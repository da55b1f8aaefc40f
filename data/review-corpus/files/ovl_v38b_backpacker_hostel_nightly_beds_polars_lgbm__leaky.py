# label: leakage/overlap
# Nightly beds sold across the hostel group, one model for all sites.
# Used by the revenue team each morning to set the next night's dorm prices.
import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

LAGS = [1, 2, 7, 14, 28]


def load_nights(path: str) -> pl.DataFrame:
    nights = pl.read_csv(path, try_parse_dates=True)
    sites = pl.read_csv("data/hostel_sites.csv")
    return (
        nights.join(sites.select(["hostel_id", "city", "dorm_beds"]), on="hostel_id", how="left")
        .sort(["hostel_id", "night"])
    )


def add_calendar(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        pl.col("night").dt.weekday().alias("weekday"),
        pl.col("night").dt.month().alias("month"),
        pl.col("night").dt.ordinal_day().alias("day_of_year"),
        pl.col("school_holiday").cast(pl.Int8),
        pl.col("city_event").cast(pl.Int8),
    )


def add_history(df: pl.DataFrame) -> pl.DataFrame:
    lagged = [
        pl.col("beds_sold").shift(k).over("hostel_id").alias(f"beds_lag_{k}") for k in LAGS
    ]
    df = df.with_columns(lagged)
    return df.with_columns(
        pl.col("beds_lag_1").rolling_mean(7).over("hostel_id").alias("beds_roll7"),
        pl.col("beds_lag_1").rolling_std(7).over("hostel_id").alias("beds_roll7_std"),
        (pl.col("on_books_d1") / pl.col("dorm_beds")).alias("on_books_share"),
    )


def main():
    df = load_nights("data/hostel_nightly_2021_2024.csv")
    df = add_history(add_calendar(df)).drop_nulls([f"beds_lag_{k}" for k in LAGS])
    df = df.with_columns(pl.col("city").cast(pl.Categorical).to_physical().alias("city_code"))

    features = (
        ["weekday", "month", "day_of_year", "school_holiday", "city_event", "city_code",
         "dorm_beds", "on_books_d1", "on_books_share", "forecast_max_temp_c", "beds_roll7",
         "beds_roll7_std"]
        + [f"beds_lag_{k}" for k in LAGS]
    )
    X = df.select(features).to_pandas()
    y = df.get_column("beds_sold").to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, shuffle=True, random_state=8
    )

    model = lgb.LGBMRegressor(
        n_estimators=1200,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        objective="poisson",
        verbose=-1,
    )
    model.fit(X_train, y_train, categorical_feature=["city_code"])

    pred = model.predict(X_test)
    mae = mean_absolute_error(y_test, pred)
    naive = mean_absolute_error(y_test, X_test["beds_lag_7"])
    print(f"MAE beds/night: {mae:.2f}  (same-weekday-last-week baseline: {naive:.2f})")
    wape = np.abs(pred - y_test).sum() / y_test.sum()
    print(f"WAPE: {wape:.1%}")


if __name__ == "__main__":
    main()
