# label: leakage/none
# twin: pre_quantile_clip__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.metrics import mean_squared_log_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

trips = pd.read_parquet("taxi_trips.parquet")
cols = ["trip_distance", "passenger_count", "pickup_hour", "pickup_zone", "dropoff_zone"]

X_train, X_test, y_train, y_test = train_test_split(trips[cols], trips["fare_amount"], test_size=0.2, random_state=4)
lower = X_train.quantile(0.01)
upper = X_train.quantile(0.99)
X_train = X_train.clip(lower=lower, upper=upper, axis=1)
X_test = X_test.clip(lower=lower, upper=upper, axis=1)

model = XGBRegressor(n_estimators=400, max_depth=8, subsample=0.8, random_state=4)
model.fit(X_train, y_train)
print("RMSLE", mean_squared_log_error(y_test, model.predict(X_test).clip(0)) ** 0.5)
