# label: leakage/overlap
# Daily gate forecast for the botanic garden (glasshouses + outdoor beds).
from datetime import date

import numpy as np
import polars as pl
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

gate = pl.read_csv("data/gate_counts_daily.csv", try_parse_dates=True)
forecasts = pl.read_csv("data/met_forecast_d1.csv", try_parse_dates=True)
calendar = pl.read_csv("data/events_and_holidays.csv", try_parse_dates=True)

daily = (
    gate.sort("date")
    .join(forecasts, on="date", how="left")
    .join(calendar, on="date", how="left")
    .with_columns(
        pl.col("event_flag").fill_null(0),
        pl.col("school_holiday").fill_null(0),
        pl.col("bank_holiday").fill_null(0),
    )
    .filter(pl.col("date") >= date(2017, 1, 1))
)

feat = daily.with_columns(
    pl.col("date").dt.weekday().alias("dow"),
    pl.col("date").dt.month().alias("month"),
    pl.col("date").dt.ordinal_day().alias("doy"),
    pl.col("visitors").shift(1).alias("lag_1"),
    pl.col("visitors").shift(7).alias("lag_7"),
    pl.col("visitors").shift(14).alias("lag_14"),
    pl.col("visitors").shift(364).alias("lag_364"),
    pl.col("visitors").shift(1).rolling_mean(window_size=7).alias("mean_7"),
    pl.col("visitors").shift(1).rolling_mean(window_size=28).alias("mean_28"),
    pl.col("members_visits").shift(1).rolling_mean(window_size=7).alias("members_mean_7"),
).drop_nulls(["lag_364", "mean_28", "members_mean_7"])

FEATURES = [
    "dow", "month", "doy", "lag_1", "lag_7", "lag_14", "lag_364", "mean_7", "mean_28",
    "members_mean_7", "fc_max_temp_c", "fc_rain_mm", "fc_sunshine_h",
    "event_flag", "school_holiday", "bank_holiday",
]

X = feat.select(FEATURES).to_numpy()
y = feat["visitors"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)
print(f"train {len(y_train)} days, test {len(y_test)} days")

model = xgb.XGBRegressor(
    n_estimators=700,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=3,
    objective="reg:squarederror",
    random_state=0,
)
model.fit(X_train, y_train)
pred = np.clip(model.predict(X_test), 0, None)

naive = X_test[:, FEATURES.index("lag_7")]
print(f"MAE   model {mean_absolute_error(y_test, pred):8.1f}  | same-day-last-week {mean_absolute_error(y_test, naive):8.1f}")
print(f"MAPE  model {mean_absolute_percentage_error(y_test, pred):8.3f}  | same-day-last-week {mean_absolute_percentage_error(y_test, naive):8.3f}")

gain = model.get_booster().get_score(importance_type="gain")
ranked = sorted(((FEATURES[int(k[1:])], v) for k, v in gain.items()), key=lambda kv: -kv[1])
for name, score in ranked[:8]:
    print(f"{name:16s} {score:10.1f}")
