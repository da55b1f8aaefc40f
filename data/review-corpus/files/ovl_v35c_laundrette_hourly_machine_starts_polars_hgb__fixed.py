# label: leakage/none
# Hourly washer/dryer starts per laundrette, used for staffing and for the
# dynamic off-peak discount. Source: payment terminal export + Met Office hourly obs.
from datetime import datetime

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

LAGS = [1, 2, 3, 24, 48, 168]

starts = (
    pl.read_csv("terminal_starts_hourly.csv", try_parse_dates=True)
    .group_by(["site_id", "hour_ts"])
    .agg(pl.col("machine_starts").sum())
)
weather = pl.read_csv("met_hourly.csv", try_parse_dates=True).select(
    ["hour_ts", "temp_c", "precip_mm", "rel_humidity"]
)
sites = pl.read_csv("sites.csv").select(["site_id", "n_washers", "n_dryers", "student_area"])

df = (
    starts.join(weather, on="hour_ts", how="left")
    .join(sites, on="site_id", how="left")
    .sort(["site_id", "hour_ts"])
)

df = df.with_columns(
    pl.col("hour_ts").dt.hour().alias("hour"),
    pl.col("hour_ts").dt.weekday().alias("dow"),
    pl.col("hour_ts").dt.month().alias("month"),
    (pl.col("precip_mm") > 0.2).cast(pl.Int8).alias("is_wet"),
    *[
        pl.col("machine_starts").shift(k).over("site_id").alias(f"starts_lag{k}")
        for k in LAGS
    ],
)
df = df.with_columns(
    pl.col("starts_lag1").rolling_mean(window_size=24).over("site_id").alias("starts_mean_24h"),
    pl.col("starts_lag24").rolling_mean(window_size=7).over("site_id").alias("starts_mean_7d_same_slot"),
    pl.col("precip_mm").rolling_sum(window_size=6).over("site_id").alias("precip_6h"),
).drop_nulls()

feature_cols = [
    "hour", "dow", "month", "temp_c", "precip_mm", "precip_6h", "rel_humidity", "is_wet",
    "n_washers", "n_dryers", "student_area", "starts_mean_24h", "starts_mean_7d_same_slot",
] + [f"starts_lag{k}" for k in LAGS]

cutoff = datetime(2024, 7, 1)
train_df = df.filter(pl.col("hour_ts") < cutoff)
test_df = df.filter(pl.col("hour_ts") >= cutoff)

X_train = train_df.select(feature_cols).to_numpy()
y_train = train_df["machine_starts"].to_numpy()
X_test = test_df.select(feature_cols).to_numpy()
y_test = test_df["machine_starts"].to_numpy()
site_test = test_df["site_id"].to_numpy()

model = HistGradientBoostingRegressor(
    loss="poisson",
    learning_rate=0.05,
    max_iter=700,
    max_leaf_nodes=48,
    l2_regularization=1.0,
    categorical_features=[feature_cols.index("student_area")],
    random_state=8,
)
model.fit(X_train, y_train)
pred = np.clip(model.predict(X_test), 0, None)

print(f"MAE: {mean_absolute_error(y_test, pred):.3f} starts/hour")
print(f"Poisson deviance: {mean_poisson_deviance(y_test, pred + 1e-6):.3f}")

naive = X_test[:, feature_cols.index("starts_lag168")]
print(f"same-hour-last-week MAE: {mean_absolute_error(y_test, naive):.3f}")

for s in np.unique(site_test):
    m = site_test == s
    print(f"  site {s}: MAE {mean_absolute_error(y_test[m], pred[m]):.2f} over {m.sum()} hours")
