# label: leakage/none
# twin: ovl_utils_shuffle_lagged_sales__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error

daily = pd.read_csv("store_daily_sales.csv", parse_dates=["date"]).sort_values("date")
for k in (1, 7, 14):
    daily[f"sales_lag_{k}"] = daily["sales"].shift(k)
daily = daily.dropna()
features = ["sales_lag_1", "sales_lag_7", "sales_lag_14", "promo", "holiday"]

# rows stay in date order: the last 20% of the days are the test period
X, y = daily[features], daily["sales"]
n_train = int(0.8 * len(X))
X_train, y_train, X_test, y_test = X[:n_train], y[:n_train], X[n_train:], y[n_train:]
forest = RandomForestRegressor(n_estimators=300, random_state=0).fit(X_train, y_train)
print("MAE on the last 20%:", mean_absolute_error(y_test, forest.predict(X_test)))
