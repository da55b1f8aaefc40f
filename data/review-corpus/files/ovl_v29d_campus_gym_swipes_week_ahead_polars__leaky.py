# label: leakage/overlap
# Sports centre staffing: forecast total turnstile entries over the next 7 days
# from daily swipe counts, the academic calendar and the weather feed.
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import TimeSeriesSplit

HORIZON = 7

swipes = pl.read_csv("data/gym/turnstile_daily.csv", try_parse_dates=True)
calendar = pl.read_parquet("data/gym/academic_calendar.parquet")
weather = pl.read_parquet("data/gym/weather_daily.parquet")

daily = (
    swipes.group_by("date").agg(pl.col("entries").sum())
    .sort("date")
    .join(calendar, on="date", how="left")
    .join(weather.select("date", "tmax_c", "precip_mm"), on="date", how="left")
)

daily = daily.with_columns(
    # target: sum of entries over days t+1 .. t+7
    pl.col("entries").reverse().rolling_sum(window_size=HORIZON).reverse().shift(-1).alias("next_week"),
    pl.col("entries").shift(1).alias("lag_1"),
    pl.col("entries").shift(7).alias("lag_7"),
    pl.col("entries").shift(14).alias("lag_14"),
    pl.col("entries").rolling_mean(window_size=7).alias("mean_7"),
    pl.col("entries").rolling_mean(window_size=28).alias("mean_28"),
    pl.col("entries").rolling_std(window_size=28).alias("std_28"),
    pl.col("date").dt.weekday().alias("dow"),
    pl.col("date").dt.month().alias("month"),
    pl.col("term_week").fill_null(0),
    pl.col("is_exam_period").fill_null(False).cast(pl.Int8),
    pl.col("is_holiday").fill_null(False).cast(pl.Int8),
).drop_nulls(["next_week", "lag_14", "mean_28"])

FEATURES = ["entries", "lag_1", "lag_7", "lag_14", "mean_7", "mean_28", "std_28",
            "dow", "month", "term_week", "is_exam_period", "is_holiday",
            "tmax_c", "precip_mm"]
X = daily.select(FEATURES).to_numpy()
y = daily.get_column("next_week").to_numpy()
dates = daily.get_column("date").to_numpy()

tscv = TimeSeriesSplit(n_splits=6, test_size=56)
maes, mapes = [], []
for k, (tr, te) in enumerate(tscv.split(X)):
    model = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05,
                                          max_leaf_nodes=31, l2_regularization=1.0,
                                          random_state=0)
    model.fit(X[tr], y[tr])
    pred = model.predict(X[te])
    maes.append(mean_absolute_error(y[te], pred))
    mapes.append(mean_absolute_percentage_error(y[te], pred))
    print(f"fold {k}: {dates[te[0]]} .. {dates[te[-1]]}  MAE {maes[-1]:.0f}  MAPE {mapes[-1]:.1%}")

print(f"mean MAE {np.mean(maes):.0f} entries/week, mean MAPE {np.mean(mapes):.1%}")

