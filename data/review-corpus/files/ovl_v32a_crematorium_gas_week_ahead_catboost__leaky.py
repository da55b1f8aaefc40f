# label: leakage/overlap
"""Week-ahead natural gas forecast for the two-cremator site.

Target: gas used over the next 7 days (kWh), issued each evening so the
operations manager can plan cremator warm-ups and the gas nomination.
Inputs: daily smart-meter totals, the cremation register and degree days.
"""
import catboost as cb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

HORIZON = 7
LAGS = [1, 2, 3, 7, 14, 21, 28]


def load_inputs():
    meter = pl.read_csv("data/gas_meter_daily.csv", try_parse_dates=True)
    register = pl.read_csv("data/cremation_register.csv", try_parse_dates=True)
    weather = pl.read_csv("data/degree_days.csv", try_parse_dates=True)

    per_day = (
        register.group_by("service_date")
        .agg(
            pl.len().alias("cremations"),
            (pl.col("coffin_type") == "oversize").sum().alias("oversize"),
        )
        .rename({"service_date": "date"})
    )
    return (
        meter.join(per_day, on="date", how="left")
        .join(weather, on="date", how="left")
        .with_columns(pl.col("cremations").fill_null(0), pl.col("oversize").fill_null(0))
        .sort("date")
    )


def build_frame(daily):
    lagged = [pl.col("gas_kwh").shift(k).alias(f"gas_lag_{k}") for k in LAGS]
    frame = daily.with_columns(
        *lagged,
        pl.col("gas_kwh").rolling_mean(7).alias("gas_mean_7"),
        pl.col("gas_kwh").rolling_mean(28).alias("gas_mean_28"),
        pl.col("cremations").rolling_sum(7).alias("cremations_7"),
        pl.col("hdd").rolling_mean(7).alias("hdd_mean_7"),
        pl.col("date").dt.weekday().alias("weekday"),
        pl.col("date").dt.month().alias("month"),
        # sum of days t+1 .. t+HORIZON
        pl.sum_horizontal([pl.col("gas_kwh").shift(-k) for k in range(1, HORIZON + 1)])
        .alias("target_next_7"),
        pl.col("gas_kwh").shift(-HORIZON).is_not_null().alias("_complete"),
    )
    return frame.filter(pl.col("_complete")).drop("_complete").drop_nulls()


daily = load_inputs()
frame = build_frame(daily)
feature_cols = [c for c in frame.columns if c not in ("date", "target_next_7")]

X = frame.select(feature_cols).to_pandas()
y = frame.get_column("target_next_7").to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=5)

model = cb.CatBoostRegressor(
    iterations=1500,
    depth=6,
    learning_rate=0.03,
    loss_function="RMSE",
    cat_features=["weekday", "month"],
    verbose=300,
    random_seed=5,
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
print(f"MAE  {mean_absolute_error(y_test, pred):,.0f} kWh per week")
print(f"MAPE {100 * mean_absolute_percentage_error(y_test, pred):.1f}%")
naive = X_test["gas_mean_7"].to_numpy() * HORIZON
print(f"naive MAE {mean_absolute_error(y_test, naive):,.0f} kWh per week")

importance = model.get_feature_importance(prettified=True)
print(importance.head(10).to_string(index=False))
np.savetxt("week_ahead_test_pred.csv", np.column_stack([y_test, pred]), delimiter=",")
