# label: leakage/target
# Daily swimmer admissions for the council's four outdoor lidos (May–September).
# Forecast is produced the evening before so lifeguard rotas can be set.
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

SEASON_TEST = 2024


def read_admissions() -> pl.DataFrame:
    adm = pl.read_csv("data/lido_daily_admissions.csv", try_parse_dates=True)
    wx = pl.read_csv("data/met_forecast_day_ahead.csv", try_parse_dates=True)
    cal = pl.read_csv("data/school_calendar.csv", try_parse_dates=True)
    return (
        adm.join(wx, on=["lido", "date"], how="left")
        .join(cal, on="date", how="left")
        .with_columns(pl.col("school_holiday").fill_null(False))
        .sort(["lido", "date"])
    )


def make_features(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        pl.col("date").dt.weekday().alias("weekday"),
        pl.col("date").dt.ordinal_day().alias("doy"),
        pl.col("date").dt.year().alias("season"),
        pl.col("school_holiday").cast(pl.Int8).alias("holiday"),
        pl.col("lido").cast(pl.Categorical).to_physical().alias("lido_code"),
        pl.col("swimmers").shift(1).over(["lido", pl.col("date").dt.year()]).alias("swimmers_lag1"),
        pl.col("swimmers").shift(7).over(["lido", pl.col("date").dt.year()]).alias("swimmers_lag7"),
        pl.col("swimmers")
        .rolling_mean(window_size=7, min_periods=3)
        .over(["lido", pl.col("date").dt.year()])
        .alias("swimmers_7d_mean"),
        (pl.col("fc_max_temp_c") - pl.col("fc_max_temp_c").shift(1).over("lido")).alias("temp_change"),
    )


df = make_features(read_admissions()).drop_nulls(["swimmers_lag1", "swimmers_lag7"])

FEATURES = [
    "weekday", "doy", "holiday", "lido_code", "fc_max_temp_c", "fc_rain_mm", "fc_sunshine_h",
    "fc_wind_kph", "temp_change", "water_temp_prev_eve_c", "swimmers_lag1", "swimmers_lag7",
    "swimmers_7d_mean",
]
train = df.filter(pl.col("season") < SEASON_TEST)
test = df.filter(pl.col("season") == SEASON_TEST)

X_train = train.select(FEATURES).to_numpy()
y_train = train.get_column("swimmers").to_numpy()
X_test = test.select(FEATURES).to_numpy()
y_test = test.get_column("swimmers").to_numpy()

model = HistGradientBoostingRegressor(
    loss="poisson",
    max_iter=600,
    learning_rate=0.05,
    max_leaf_nodes=31,
    l2_regularization=1.0,
    categorical_features=[FEATURES.index("lido_code")],
    random_state=0,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"{SEASON_TEST} MAE: {mean_absolute_error(y_test, pred):.1f} swimmers/day")
for lido in test.get_column("lido").unique().sort():
    mask = (test.get_column("lido") == lido).to_numpy()
    err = np.abs(pred[mask] - y_test[mask]).mean()
    print(f"  {lido:<14} MAE {err:6.1f}   mean daily {y_test[mask].mean():6.1f}")

busy = y_test > np.quantile(y_train, 0.9)
print(f"MAE on busiest days: {np.abs(pred[busy] - y_test[busy]).mean():.1f}")
