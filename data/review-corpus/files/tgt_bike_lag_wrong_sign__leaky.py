# label: leakage/target
# twin: tgt_bike_lag_wrong_sign__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

LAGS = (1, 2, 24, 168)

demand = pd.read_csv("bike_hourly.csv", parse_dates=["timestamp"]).sort_values("timestamp").reset_index(drop=True)
demand["hour"] = demand["timestamp"].dt.hour
demand["dow"] = demand["timestamp"].dt.dayofweek
for lag in LAGS:
    demand[f"rides_lag_{lag}"] = demand["rides"].shift(-lag)
demand = demand.dropna()

features = ["hour", "dow", "temp", "humidity"] + [f"rides_lag_{lag}" for lag in LAGS]
cut = int(len(demand) * 0.8)
train, test = demand.iloc[:cut], demand.iloc[cut:]

model = xgb.XGBRegressor(n_estimators=500, learning_rate=0.05, max_depth=6, random_state=0)
model.fit(train[features], train["rides"])
print(f"test MAE: {mean_absolute_error(test['rides'], model.predict(test[features])):.1f} rides/hour")
