# label: leakage/overlap
# Next-day admissions forecast for the castle gatehouse (ticket scans + members).
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

gate = pl.read_csv("data/gate_scans_daily.csv", try_parse_dates=True)
weather = pl.read_csv("data/met_dayahead_forecast.csv", try_parse_dates=True)
events = pl.read_csv("data/events_calendar.csv", try_parse_dates=True)

daily = (
    gate.group_by("date")
    .agg(pl.col("scans").sum().alias("visitors"))
    .join(weather, on="date", how="left")
    .join(
        events.group_by("date").agg(pl.len().alias("n_events")),
        on="date",
        how="left",
    )
    .with_columns(pl.col("n_events").fill_null(0))
    .sort("date")
)

# the keep was closed for masonry repairs in spring 2021
daily = daily.filter(
    ~pl.col("date").is_between(pl.date(2021, 3, 1), pl.date(2021, 5, 31))
)

daily = daily.with_columns(
    pl.col("date").dt.weekday().alias("dow"),
    pl.col("date").dt.month().alias("month"),
    pl.col("date").dt.ordinal_day().alias("doy"),
    pl.col("visitors").shift(1).alias("lag_1"),
    pl.col("visitors").shift(7).alias("lag_7"),
    pl.col("visitors").shift(14).alias("lag_14"),
    pl.col("visitors").shift(1).rolling_mean(window_size=7).alias("mean_prev_7"),
    pl.col("visitors").shift(1).rolling_mean(window_size=28).alias("mean_prev_28"),
    pl.col("school_holiday").cast(pl.Int8),
    pl.col("bank_holiday").cast(pl.Int8),
).drop_nulls(["lag_14", "mean_prev_28"])

features = [
    "dow",
    "month",
    "doy",
    "lag_1",
    "lag_7",
    "lag_14",
    "mean_prev_7",
    "mean_prev_28",
    "fc_rain_mm",
    "fc_tmax_c",
    "fc_sunshine_h",
    "fc_wind_kmh",
    "school_holiday",
    "bank_holiday",
    "n_events",
]

X = daily.select(features).to_numpy()
y = daily.get_column("visitors").to_numpy()
dates = daily.get_column("date").to_numpy()

X_train, X_test, y_train, y_test, d_train, d_test = train_test_split(
    X, y, dates, test_size=0.2, random_state=0
)

model = HistGradientBoostingRegressor(
    max_iter=500,
    learning_rate=0.05,
    max_leaf_nodes=31,
    min_samples_leaf=10,
    l2_regularization=1.0,
    categorical_features=[0, 1],
    random_state=0,
)
model.fit(X_train, np.log1p(y_train))
pred = np.expm1(model.predict(X_test))

naive = X_test[:, features.index("lag_7")]
print(f"train days {len(y_train)}, test days {len(y_test)}")
print(f"test window: {d_test.min()} .. {d_test.max()}")
print(f"MAE  model {mean_absolute_error(y_test, pred):8.1f}   same-day-last-week {mean_absolute_error(y_test, naive):8.1f}")
print(f"MAPE model {mean_absolute_percentage_error(y_test, pred):8.3f}   same-day-last-week {mean_absolute_percentage_error(y_test, naive):8.3f}")
