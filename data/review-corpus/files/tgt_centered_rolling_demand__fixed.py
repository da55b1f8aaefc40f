# label: leakage/none
# twin: tgt_centered_rolling_demand__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error

demand = pd.read_csv("store_item_demand.csv", parse_dates=["date"]).sort_values(["store", "item", "date"])
g = demand.groupby(["store", "item"])["sales"]
demand["sales_lag_7"] = g.shift(7)
demand["sales_lag_14"] = g.shift(14)
demand["sales_smooth_7"] = g.transform(lambda s: s.shift(7).rolling(7, min_periods=1).mean())
demand["dow"] = demand["date"].dt.dayofweek
demand["month"] = demand["date"].dt.month
demand = demand.dropna()

features = ["store", "item", "dow", "month", "sales_lag_7", "sales_lag_14", "sales_smooth_7"]
train = demand[demand["date"] < "2017-10-01"]
valid = demand[demand["date"] >= "2017-10-01"]

model = lgb.LGBMRegressor(n_estimators=1000, learning_rate=0.05, num_leaves=127)
model.fit(train[features], train["sales"])
print("MAE:", mean_absolute_error(valid["sales"], model.predict(valid[features])))
