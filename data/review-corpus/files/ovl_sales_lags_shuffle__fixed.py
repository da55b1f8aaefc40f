# label: leakage/none
# twin: ovl_sales_lags_shuffle__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

sales = pd.read_csv("daily_sales.csv", parse_dates=["date"]).sort_values("date").set_index("date")
for lag in (1, 7, 14, 28):
    sales[f"units_lag_{lag}"] = sales["units"].shift(lag)
sales["dow"] = sales.index.dayofweek
sales["month"] = sales.index.month
sales = sales.dropna()

X = sales.drop(columns=["units"])
y = sales["units"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

model = XGBRegressor(n_estimators=800, learning_rate=0.03, max_depth=5, random_state=42)
model.fit(X_train, y_train)
print("MAPE:", mean_absolute_percentage_error(y_test, model.predict(X_test)))
