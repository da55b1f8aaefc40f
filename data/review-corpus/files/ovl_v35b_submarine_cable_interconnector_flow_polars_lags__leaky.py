# label: leakage/overlap
"""Day-ahead forecast of hourly MW flow on the subsea HVDC interconnector.

Positive flow = export from the mainland landing station.
"""
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

HORIZON = 24  # hours ahead
LAGS = [0, 1, 2, 3, 6, 12, 24, 48, 168]


def load_flows(path):
    return (
        pl.read_parquet(path)
        .select(["ts", "flow_mw", "price_spread_eur", "wind_forecast_mw", "cable_derate_mw"])
        .sort("ts")
        .upsample(time_column="ts", every="1h")
        .with_columns(pl.col("flow_mw").forward_fill(), pl.col("cable_derate_mw").fill_null(0))
    )


def build_features(df):
    lagged = [pl.col("flow_mw").shift(k).alias(f"flow_lag_{k}") for k in LAGS]
    return (
        df.with_columns(lagged)
        .with_columns(
            pl.col("flow_mw").rolling_mean(24).alias("flow_mean_24h"),
            pl.col("flow_mw").rolling_std(168).alias("flow_std_7d"),
            pl.col("price_spread_eur").rolling_mean(24).alias("spread_mean_24h"),
            pl.col("ts").dt.hour().alias("hour"),
            pl.col("ts").dt.weekday().alias("weekday"),
            pl.col("ts").dt.month().alias("month"),
            pl.col("flow_mw").shift(-HORIZON).alias("target_mw"),
        )
        .drop_nulls()
    )


flows = load_flows("data/interconnector_hourly.parquet")
data = build_features(flows)
feature_cols = [c for c in data.columns if c not in ("ts", "flow_mw", "target_mw")]
print(f"{data.height} hourly rows, {data['ts'].min()} to {data['ts'].max()}")

train_idx, test_idx = train_test_split(np.arange(data.height), test_size=0.2, random_state=5)
train, test = data[train_idx], data[test_idx]

model = HistGradientBoostingRegressor(
    max_iter=800,
    learning_rate=0.05,
    max_leaf_nodes=63,
    l2_regularization=1.0,
    categorical_features=[feature_cols.index("hour"), feature_cols.index("weekday")],
    random_state=5,
)
model.fit(train.select(feature_cols).to_numpy(), train["target_mw"].to_numpy())

pred = model.predict(test.select(feature_cols).to_numpy())
actual = test["target_mw"].to_numpy()
persistence = test["flow_lag_0"].to_numpy()

print(f"model MAE       : {mean_absolute_error(actual, pred):7.1f} MW")
print(f"persistence MAE : {mean_absolute_error(actual, persistence):7.1f} MW")

direction_hit = np.mean(np.sign(pred) == np.sign(actual))
print(f"flow direction right {direction_hit:.1%} of hours")

summary = (
    test.with_columns(pl.Series("abs_err", np.abs(actual - pred)))
    .group_by("hour")
    .agg(pl.col("abs_err").mean())
    .sort("hour")
)
print(summary)
