# label: leakage/none
# twin: pre_r17c_vending_polars_iqr_clip__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import polars as pl
import numpy as np
import lightgbm as lgb
from datetime import date
from sklearn.metrics import mean_absolute_error, mean_squared_error

SPLIT_DATE = date(2024, 3, 1)
CLIP_COLS = ["lag_1", "lag_7", "mean_7", "max_7", "footfall_fcst", "temp_fcst_c"]
IQR_K = 3.0

sales = pl.read_parquet("telemetry/vending_daily_units.parquet")
sites = pl.read_csv("telemetry/machine_sites.csv")

df = (
    sales.join(sites, on="machine_id", how="left")
    .sort(["machine_id", "day"])
    .with_columns(
        pl.col("units").shift(1).over("machine_id").alias("lag_1"),
        pl.col("units").shift(7).over("machine_id").alias("lag_7"),
        pl.col("units").shift(1).rolling_mean(window_size=7).over("machine_id").alias("mean_7"),
        pl.col("units").shift(1).rolling_max(window_size=7).over("machine_id").alias("max_7"),
        pl.col("day").dt.weekday().alias("weekday"),
        pl.col("day").dt.month().alias("month"),
        (pl.col("site_type") == "office").cast(pl.Int8).alias("is_office"),
        (pl.col("site_type") == "school").cast(pl.Int8).alias("is_school"),
        (pl.col("site_type") == "transit").cast(pl.Int8).alias("is_transit"),
    )
    .drop_nulls(["lag_1", "lag_7", "mean_7"])
)


def iqr_bounds(frame, cols, k):
    q = frame.select(
        [pl.col(c).quantile(0.25).alias(f"{c}__q1") for c in cols]
        + [pl.col(c).quantile(0.75).alias(f"{c}__q3") for c in cols]
    ).row(0, named=True)
    bounds = {}
    for c in cols:
        iqr = q[f"{c}__q3"] - q[f"{c}__q1"]
        bounds[c] = (q[f"{c}__q1"] - k * iqr, q[f"{c}__q3"] + k * iqr)
    return bounds


def clip_with(frame, bounds):
    return frame.with_columns([pl.col(c).clip(lo, hi) for c, (lo, hi) in bounds.items()])


train = df.filter(pl.col("day") < SPLIT_DATE)
test = df.filter(pl.col("day") >= SPLIT_DATE)

bounds = iqr_bounds(train, CLIP_COLS, IQR_K)
train = clip_with(train, bounds)
test = clip_with(test, bounds)
for c, (lo, hi) in bounds.items():
    print(f"{c:14s} [{lo:8.2f}, {hi:8.2f}]")

FEATURES = CLIP_COLS + ["weekday", "month", "is_office", "is_school", "is_transit",
                        "slots_total", "price_avg", "is_holiday"]
X_tr, y_tr = train.select(FEATURES).to_numpy(), train["units"].to_numpy()
X_te, y_te = test.select(FEATURES).to_numpy(), test["units"].to_numpy()

reg = lgb.LGBMRegressor(
    objective="poisson",
    n_estimators=700,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=50,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=0,
    verbose=-1,
)
reg.fit(X_tr, y_tr)
pred = reg.predict(X_te)

mae = mean_absolute_error(y_te, pred)
rmse = np.sqrt(mean_squared_error(y_te, pred))
print(f"test days from {SPLIT_DATE}: MAE={mae:.3f}  RMSE={rmse:.3f}")

naive = test["lag_7"].to_numpy()
print(f"seasonal naive MAE={mean_absolute_error(y_te, naive):.3f}")

by_type = (
    test.with_columns(pl.Series("pred", pred))
    .with_columns((pl.col("units") - pl.col("pred")).abs().alias("abs_err"))
    .group_by("site_type")
    .agg(pl.col("abs_err").mean(), pl.len())
    .sort("abs_err")
)
print(by_type)
