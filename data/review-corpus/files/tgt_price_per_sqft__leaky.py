# label: leakage/target
# twin: tgt_price_per_sqft__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

homes = pd.read_csv("home_sales.csv")
homes["age"] = 2024 - homes["year_built"]
homes["price_per_sqft"] = homes["price"] / homes["sqft"]  # for the neighbourhood report
X = homes.drop(columns=["price", "address"])
y = homes["price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=9)
model = RandomForestRegressor(n_estimators=400, random_state=9).fit(X_train, y_train)
print(f"test MAE {mean_absolute_error(y_test, model.predict(X_test)):,.0f}")
