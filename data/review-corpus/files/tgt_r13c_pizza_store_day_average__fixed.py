# label: leakage/none
# twin: tgt_r13c_pizza_store_day_average__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import TimeSeriesSplit
from sklearn.metrics import mean_absolute_error

# order_id, store_id, order_time, distance_km, n_items, rain_mm, drivers_on_shift, delivery_minutes
orders = pd.read_csv("pizza_orders.csv", parse_dates=["order_time"])
orders = orders.sort_values("order_time").reset_index(drop=True)
orders["hour"] = orders["order_time"].dt.hour
orders["weekday"] = orders["order_time"].dt.weekday
orders["date"] = orders["order_time"].dt.normalize()

# how slow was the store on its previous trading day? (fully known before today's orders)
daily = orders.groupby(["store_id", "date"])["delivery_minutes"].mean().rename("store_day_avg")
daily = daily.groupby(level="store_id").shift(1).reset_index()
orders = orders.merge(daily, on=["store_id", "date"], how="left")
orders["store_day_orders"] = orders.groupby(["store_id", "date"]).cumcount()

features = ["distance_km", "n_items", "rain_mm", "drivers_on_shift", "hour", "weekday",
            "store_day_avg", "store_day_orders"]
cutoff = orders["date"].quantile(0.8)
train = orders[orders["date"] < cutoff]
test = orders[orders["date"] >= cutoff]

params = {"objective": "regression_l1", "learning_rate": 0.05, "num_leaves": 31, "verbose": -1}
dtrain = lgb.Dataset(train[features], train["delivery_minutes"])
cv_res = lgb.cv(params, dtrain, num_boost_round=2000, folds=TimeSeriesSplit(n_splits=4),
                callbacks=[lgb.early_stopping(50)])
n_rounds = len(next(iter(cv_res.values())))
print("rounds chosen by time-series CV:", n_rounds)

booster = lgb.train(params, dtrain, num_boost_round=n_rounds)
pred = booster.predict(test[features])
print("test MAE: %.2f min" % mean_absolute_error(test["delivery_minutes"], pred))
print("share within 5 min: %.3f" % np.mean(np.abs(test["delivery_minutes"] - pred) <= 5))
