# label: leakage/overlap
"""Packing-room staffing: forecast how many mail/phone orders the seed catalogue
will receive over the next 7 days, using everything known at close of business."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

HORIZON = 7
CUTOFF = pd.Timestamp("2023-09-01")

orders = pd.read_parquet("warehouse/daily_orders.parquet")  # date, orders, web_orders
mailings = pd.read_csv("warehouse/catalogue_drops.csv", parse_dates=["drop_date"])
weather = pd.read_csv("warehouse/met_daily_midlands.csv", parse_dates=["date"])

daily = (
    orders.set_index("date").asfreq("D", fill_value=0)
    .join(weather.set_index("date")[["tmax_c", "rain_mm"]])
)
daily[["tmax_c", "rain_mm"]] = daily[["tmax_c", "rain_mm"]].ffill()

# days since the most recent catalogue landed on doormats
drops = mailings["drop_date"].sort_values().to_numpy()
pos = np.searchsorted(drops, daily.index.to_numpy(), side="right") - 1
last_drop = np.where(pos >= 0, drops[np.clip(pos, 0, None)], np.datetime64("NaT"))
daily["days_since_drop"] = (daily.index.to_numpy() - last_drop) / np.timedelta64(1, "D")

for lag in (1, 2, 3, 7, 14, 21, 28, 364):
    daily[f"orders_lag{lag}"] = daily["orders"].shift(lag)
daily["orders_7d"] = daily["orders"].rolling(7).sum()
daily["orders_28d_mean"] = daily["orders"].rolling(28).mean()
daily["web_share_28d"] = (
    daily["web_orders"].rolling(28).sum() / daily["orders"].rolling(28).sum().clip(lower=1)
)
daily["dow"] = daily.index.dayofweek
daily["doy"] = daily.index.dayofyear
daily["week"] = daily.index.isocalendar().week.astype(int)

# target: orders over the coming week (t+1 .. t+7)
daily["target"] = sum(daily["orders"].shift(-k) for k in range(1, HORIZON + 1))
data = daily.dropna()

feats = [c for c in data.columns if c not in ("target", "orders", "web_orders")]
train = data[data.index < CUTOFF]
test = data[data.index >= CUTOFF]
print(f"train {train.index.min().date()} .. {train.index.max().date()}  ({len(train)})")
print(f"test  {test.index.min().date()} .. {test.index.max().date()}  ({len(test)})")

model = lgb.LGBMRegressor(
    objective="poisson",
    n_estimators=700,
    learning_rate=0.03,
    num_leaves=15,
    min_child_samples=10,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=0,
    verbose=-1,
)
model.fit(train[feats], train["target"])

pred = model.predict(test[feats])
print(f"MAE   {mean_absolute_error(test['target'], pred):.1f} orders/week")
print(f"MAPE  {mean_absolute_percentage_error(test['target'], pred):.2%}")

naive = test["orders_7d"]  # last week's total as next week's forecast
print(f"naive MAPE {mean_absolute_percentage_error(test['target'], naive):.2%}")

imp = pd.Series(model.feature_importances_, index=feats).sort_values(ascending=False)
print(imp.head(10))
