# label: leakage/none
# Week-ahead rock salt demand per highways depot.
# One row per depot per day (zeros outside the winter service season). The
# target is the tonnage spread over the following seven days, which the stores
# team uses to schedule deliveries from the port stockpile.
from datetime import date, timedelta

import lightgbm as lgb
import polars as pl
from sklearn.metrics import mean_absolute_error

HORIZON = 7
CUTOFF = date(2023, 10, 1)
DEPOT_CODES = {"Aldham": 0, "Brockley": 1, "Castleford Rd": 2, "Dunmere": 3, "Eastgate": 4, "Fenwick": 5}

raw = pl.read_csv("data/depot_daily_gritting.csv", try_parse_dates=True)

df = (
    raw.sort(["depot", "date"])
    .with_columns(
        pl.col("depot").replace_strict(DEPOT_CODES).alias("depot_code"),
        pl.col("date").dt.ordinal_day().alias("doy"),
        pl.col("date").dt.weekday().alias("dow"),
        pl.col("tonnes_spread").rolling_sum(window_size=7).over("depot").alias("spread_last7"),
        pl.col("tonnes_spread").rolling_sum(window_size=28).over("depot").alias("spread_last28"),
        pl.col("runs_completed").rolling_sum(window_size=7).over("depot").alias("runs_last7"),
    )
    .with_columns(
        pl.sum_horizontal(
            [pl.col("tonnes_spread").shift(-k).over("depot") for k in range(1, HORIZON + 1)]
        ).alias("target_next7"),
        pl.col("tonnes_spread").shift(-HORIZON).over("depot").alias("horizon_end"),
    )
    .filter(pl.col("horizon_end").is_not_null() & pl.col("spread_last28").is_not_null())
)

FEATURES = [
    "depot_code", "doy", "dow", "tonnes_spread", "spread_last7", "spread_last28", "runs_last7",
    "stock_tonnes", "road_surface_min_c", "fc_min_temp_d1", "fc_min_temp_d2", "fc_min_temp_d3",
    "fc_precip_mm_d1", "fc_precip_mm_d2", "fc_precip_mm_d3", "fc_snow_flag_d1",
]

train = df.filter(pl.col("date") < CUTOFF - timedelta(days=HORIZON))
test = df.filter(pl.col("date") >= CUTOFF)

X_train, y_train = train.select(FEATURES).to_pandas(), train["target_next7"].to_numpy()
X_test, y_test = test.select(FEATURES).to_pandas(), test["target_next7"].to_numpy()

model = lgb.LGBMRegressor(
    objective="tweedie",
    tweedie_variance_power=1.3,
    n_estimators=900,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=7,
    verbose=-1,
)
model.fit(X_train, y_train, categorical_feature=["depot_code"])

pred = model.predict(X_test)
mae = mean_absolute_error(y_test, pred)
wape = abs(y_test - pred).sum() / y_test.sum()
print(f"train {train['date'].min()} .. {train['date'].max()} ({train.height} rows)")
print(f"test  {test['date'].min()} .. {test['date'].max()} ({test.height} rows)")
print(f"week-ahead tonnes: MAE {mae:.1f}, WAPE {wape:.1%}")

by_depot = (
    test.select("depot", "target_next7")
    .with_columns(pl.Series("pred", pred))
    .group_by("depot")
    .agg(((pl.col("target_next7") - pl.col("pred")).abs().sum() / pl.col("target_next7").sum()).alias("wape"))
    .sort("depot")
)
print(by_depot)
