# label: leakage/none
# twin: tgt_rolling_same_day__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error

load = pd.read_csv("grid_load.csv", parse_dates=["timestamp"]).set_index("timestamp").sort_index()
load["hour"] = load.index.hour
load["weekday"] = load.index.weekday
load["load_mean_24h"] = load["load_mw"].shift(1).rolling(24).mean()
load["load_max_24h"] = load["load_mw"].shift(1).rolling(24).max()
load = load.dropna()

features = ["hour", "weekday", "temperature", "load_mean_24h", "load_max_24h"]
train, test = load.loc[:"2022-12-31"], load.loc["2023-01-01":]

model = lgb.LGBMRegressor(n_estimators=500, learning_rate=0.05, random_state=0)
model.fit(train[features], train["load_mw"])
print("MAE", mean_absolute_error(test["load_mw"], model.predict(test[features])))
