# label: leakage/overlap
# Inner-tube replenishment for the bike shop chain: forecast units sold per
# store and tube size over the next 14 days, used to size the fortnightly
# order from the distributor.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

HORIZON = 14
TEST_DAYS = 120

sales = pd.read_csv("warehouse/tube_sales_daily.csv", parse_dates=["date"])
calendar = pd.read_csv("warehouse/store_calendar_daily.csv", parse_dates=["date"])

# complete daily grid per store x tube size (days with no sales are zeros)
sales = (
    sales.set_index("date")
    .groupby(["store_id", "tube_size"])["units"]
    .resample("D").sum()
    .reset_index()
    .sort_values(["store_id", "tube_size", "date"])
)
sales = sales.merge(calendar, on=["store_id", "date"], how="left")

g = sales.groupby(["store_id", "tube_size"], sort=False)["units"]
sales["target_next_14d"] = sum(g.shift(-k) for k in range(1, HORIZON + 1))

for lag in (1, 7, 14, 28):
    sales[f"units_lag_{lag}"] = g.shift(lag)
for win in (7, 28, 91):
    sales[f"units_sum_{win}d"] = g.transform(lambda s: s.rolling(win, min_periods=1).sum())
sales["dow"] = sales["date"].dt.dayofweek
sales["month"] = sales["date"].dt.month
sales["week_of_year"] = sales["date"].dt.isocalendar().week.astype(int)
sales["is_school_holiday"] = sales["is_school_holiday"].fillna(0)

for col in ["store_id", "tube_size"]:
    sales[col] = sales[col].astype("category")

features = [
    "store_id", "tube_size", "dow", "month", "week_of_year", "is_school_holiday",
    "rain_mm", "max_temp_c", "units_lag_1", "units_lag_7", "units_lag_14",
    "units_lag_28", "units_sum_7d", "units_sum_28d", "units_sum_91d",
]
sales = sales.dropna(subset=["target_next_14d", "units_lag_28"])

cutoff = sales["date"].max() - pd.Timedelta(days=TEST_DAYS)
train = sales[sales["date"] <= cutoff]
test = sales[sales["date"] > cutoff]
print(f"train to {train['date'].max().date()}, test {test['date'].min().date()} "
      f"to {test['date'].max().date()}")

model = lgb.LGBMRegressor(
    objective="tweedie",
    tweedie_variance_power=1.3,
    n_estimators=800,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=5,
    verbose=-1,
)
model.fit(train[features], train["target_next_14d"])

pred = np.clip(model.predict(test[features]), 0, None)
mae = mean_absolute_error(test["target_next_14d"], pred)
wape = np.abs(test["target_next_14d"] - pred).sum() / test["target_next_14d"].sum()
# shop-floor rule of thumb: half of the last four weeks
naive = test["units_sum_28d"] / 2
naive_wape = np.abs(test["target_next_14d"] - naive).sum() / test["target_next_14d"].sum()
print(f"MAE {mae:.2f} units | WAPE {wape:.3f} (naive {naive_wape:.3f})")

by_size = (
    test.assign(pred=pred, err=np.abs(test["target_next_14d"] - pred))
    .groupby("tube_size", observed=True)[["err", "target_next_14d"]].sum()
)
print((by_size["err"] / by_size["target_next_14d"]).rename("wape").round(3))
