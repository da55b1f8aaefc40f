# label: leakage/none
# Hourly footfall proxy for the centre management dashboard: distinct devices
# seen by the guest Wi-Fi access points, per zone, per hour.
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

ZONES = ["atrium", "food_court", "north_mall", "south_mall", "car_park_lobby"]

raw = pl.read_parquet("data/wifi_devices_hourly.parquet")
holidays = pl.read_csv("data/school_holidays.csv", try_parse_dates=True)
weather = pl.read_csv("data/weather_hourly.csv", try_parse_dates=True)

hourly = (
    raw.filter(pl.col("zone").is_in(ZONES))
    .with_columns(pl.col("ts").dt.truncate("1h"))
    .group_by(["zone", "ts"])
    .agg(pl.col("device_hash").n_unique().alias("devices"))
    .sort(["zone", "ts"])
)

feats = (
    hourly.with_columns(
        pl.col("devices").shift(1).over("zone").alias("lag_1h"),
        pl.col("devices").shift(2).over("zone").alias("lag_2h"),
        pl.col("devices").shift(24).over("zone").alias("lag_24h"),
        pl.col("devices").shift(168).over("zone").alias("lag_168h"),
        pl.col("devices").shift(1).rolling_mean(window_size=24).over("zone").alias("mean_prev_24h"),
        pl.col("ts").dt.hour().alias("hour"),
        pl.col("ts").dt.weekday().alias("weekday"),
        pl.col("ts").dt.month().alias("month"),
        pl.col("ts").dt.date().alias("date"),
        pl.col("zone").replace_strict({z: i for i, z in enumerate(ZONES)}).alias("zone_id"),
    )
    .join(holidays.select(["date", "is_school_holiday", "is_bank_holiday"]), on="date", how="left")
    .join(weather.select(["ts", "temp_c", "precip_mm"]), on="ts", how="left")
    .with_columns(pl.col("is_school_holiday", "is_bank_holiday").fill_null(0))
    .drop_nulls(["lag_168h", "mean_prev_24h"])
)

feature_cols = [
    "zone_id", "hour", "weekday", "month", "is_school_holiday", "is_bank_holiday",
    "temp_c", "precip_mm", "lag_1h", "lag_2h", "lag_24h", "lag_168h", "mean_prev_24h",
]
cutoff = feats["ts"].max() - pl.duration(weeks=8)
train, test = feats.filter(pl.col("ts") < cutoff), feats.filter(pl.col("ts") >= cutoff)
X_train, y_train = train.select(feature_cols).to_numpy(), train["devices"].to_numpy()
X_test, y_test = test.select(feature_cols).to_numpy(), test["devices"].to_numpy()

model = HistGradientBoostingRegressor(
    loss="poisson",
    max_iter=500,
    learning_rate=0.05,
    max_leaf_nodes=63,
    categorical_features=[0],
    random_state=42,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"rows: train {len(y_train)}, test {len(y_test)}")
print(f"MAE  {mean_absolute_error(y_test, pred):.1f} devices/hour")
print(f"MAPE {mean_absolute_percentage_error(y_test + 1, pred + 1):.1%}")

naive = X_test[:, feature_cols.index("lag_168h")]
print(f"same-hour-last-week MAE {mean_absolute_error(y_test, naive):.1f}")
zone_ids = X_test[:, 0].astype(int)
for i, zone in enumerate(ZONES):
    mask = zone_ids == i
    print(f"  {zone:<15} MAE {np.abs(y_test[mask] - pred[mask]).mean():.1f}")
