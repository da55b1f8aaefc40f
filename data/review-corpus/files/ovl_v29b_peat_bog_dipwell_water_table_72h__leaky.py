# label: leakage/overlap
# Blanket bog restoration site: forecast dipwell water-table depth 72 h ahead so the
# dam inspection crew knows when to visit. Logger data (15-min) + on-site rain gauge.
from datetime import datetime

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error

HORIZON = 72  # hours
CUTOFF = datetime(2024, 3, 1)

logger = pl.read_csv("logs/dipwell_DW07_levelogger.csv", try_parse_dates=True)
rain = pl.read_csv("logs/site_raingauge_tb.csv", try_parse_dates=True)

hourly = (
    logger.sort("datetime")
    .group_by_dynamic("datetime", every="1h")
    .agg(pl.col("wt_depth_cm").mean(), pl.col("logger_temp_c").mean())
    .join(
        rain.sort("datetime")
        .group_by_dynamic("datetime", every="1h")
        .agg(pl.col("tips").sum().alias("tips")),
        on="datetime",
        how="left",
    )
    .upsample("datetime", every="1h")
    .with_columns(
        pl.col("wt_depth_cm").forward_fill(limit=3),
        pl.col("logger_temp_c").forward_fill(limit=3),
        (pl.col("tips").fill_null(0) * 0.2).alias("rain_mm"),
    )
    .drop("tips")
)

feat = hourly.with_columns(
    [pl.col("wt_depth_cm").shift(k).alias(f"wt_lag_{k}") for k in (1, 3, 6, 12, 24, 48)]
    + [pl.col("rain_mm").rolling_sum(window_size=w).alias(f"rain_{w}h") for w in (6, 24, 72, 168)]
    + [
        (pl.col("wt_depth_cm") - pl.col("wt_depth_cm").shift(24)).alias("wt_change_24h"),
        pl.col("logger_temp_c").rolling_mean(window_size=24).alias("temp_24h"),
        pl.col("datetime").dt.ordinal_day().alias("doy"),
        pl.col("datetime").dt.hour().alias("hour"),
        pl.col("wt_depth_cm").shift(-HORIZON).alias("target_wt_72h"),
    ]
).drop_nulls()

FEATURES = [c for c in feat.columns if c not in ("datetime", "target_wt_72h")]

train = feat.filter(pl.col("datetime") < CUTOFF)
test = feat.filter(pl.col("datetime") >= CUTOFF)
print(f"train {train.height} h up to {train['datetime'].max()}, test {test.height} h")

model = lgb.LGBMRegressor(
    n_estimators=900,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=0,
    verbose=-1,
)
model.fit(train.select(FEATURES).to_pandas(), train["target_wt_72h"].to_numpy())

pred = model.predict(test.select(FEATURES).to_pandas())
y_true = test["target_wt_72h"].to_numpy()
persistence = test["wt_depth_cm"].to_numpy()

print(f"LightGBM MAE    : {mean_absolute_error(y_true, pred):.2f} cm")
print(f"persistence MAE : {mean_absolute_error(y_true, persistence):.2f} cm")
# the crew is sent out when the table is forecast deeper than 20 cm below surface
alert_true, alert_pred = y_true > 20, pred > 20
print(f"alert hit rate  : {np.mean(alert_pred[alert_true]):.2f}, "
      f"false alarms: {np.mean(alert_pred[~alert_true]):.2f}")

imp = sorted(zip(model.feature_importances_, FEATURES), reverse=True)[:8]
for score, name in imp:
    print(f"{name:15s} {score}")
