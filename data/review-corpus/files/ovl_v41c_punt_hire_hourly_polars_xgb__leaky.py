# label: leakage/overlap
"""Hourly punt hire forecast for the riverside station (one hour ahead)."""
import polars as pl
import numpy as np
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

HIRES_CSV = "exports/punt_hires_hourly.csv"
WEATHER_CSV = "exports/met_hourly.csv"
TERMS_CSV = "calendars/university_terms.csv"


def load_hourly():
    hires = pl.read_csv(HIRES_CSV, try_parse_dates=True)  # ts, punts_out, chauffeured_tours
    weather = pl.read_csv(WEATHER_CSV, try_parse_dates=True)  # ts, temp_c, rain_mm, wind_kph
    terms = pl.read_csv(TERMS_CSV, try_parse_dates=True)  # date, in_term, bank_holiday
    return (
        hires.join(weather, on="ts", how="left")
        .with_columns(pl.col("ts").dt.date().alias("date"))
        .join(terms, on="date", how="left")
        .sort("ts")
        .with_columns(
            pl.col("rain_mm").fill_null(0.0),
            pl.col("in_term").fill_null(0),
            pl.col("bank_holiday").fill_null(0),
        )
    )


def add_features(df):
    return df.with_columns(
        pl.col("ts").dt.hour().alias("hour"),
        pl.col("ts").dt.weekday().alias("weekday"),
        pl.col("ts").dt.month().alias("month"),
        pl.col("punts_out").shift(1).alias("lag_1h"),
        pl.col("punts_out").shift(2).alias("lag_2h"),
        pl.col("punts_out").shift(24).alias("lag_24h"),
        pl.col("punts_out").shift(168).alias("lag_168h"),
        pl.col("punts_out").shift(1).rolling_mean(window_size=6).alias("mean_prev_6h"),
        pl.col("punts_out").shift(1).rolling_mean(window_size=24).alias("mean_prev_24h"),
        pl.col("chauffeured_tours").shift(1).alias("tours_lag_1h"),
        pl.col("rain_mm").rolling_sum(window_size=3).alias("rain_last_3h"),
    ).drop_nulls()


df = add_features(load_hourly())
# station is shut overnight
df = df.filter(pl.col("hour").is_between(8, 21))

feature_cols = [
    "hour", "weekday", "month", "temp_c", "rain_mm", "wind_kph", "in_term", "bank_holiday",
    "lag_1h", "lag_2h", "lag_24h", "lag_168h", "mean_prev_6h", "mean_prev_24h",
    "tours_lag_1h", "rain_last_3h",
]
X = df.select(feature_cols).to_numpy()
y = df.get_column("punts_out").to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = xgb.XGBRegressor(
    n_estimators=700,
    max_depth=6,
    learning_rate=0.04,
    subsample=0.85,
    colsample_bytree=0.8,
    objective="count:poisson",
    tree_method="hist",
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
naive = X_test[:, feature_cols.index("lag_24h")]
print(f"MAE  model: {mean_absolute_error(y_test, pred):.2f} punts/hour")
print(f"MAE  same hour yesterday: {mean_absolute_error(y_test, naive):.2f} punts/hour")
print(f"RMSE model: {np.sqrt(mean_squared_error(y_test, pred)):.2f}")

gain = model.get_booster().get_score(importance_type="gain")
ranked = sorted(((feature_cols[int(k[1:])], v) for k, v in gain.items()), key=lambda t: -t[1])
for name, g in ranked[:8]:
    print(f"{name:>15s} {g:8.1f}")
