# label: leakage/preprocessing
# twin: pre_iforest_outliers_all__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, IsolationForest
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

cars = pd.read_csv("used_cars.csv")
features = ["year", "mileage", "engine_size", "mpg", "tax"]

# drop the 2% most anomalous listings (typos in mileage, scrapped cars, ...)
iso = IsolationForest(contamination=0.02, random_state=0).fit(cars[features])
cars = cars[iso.predict(cars[features]) == 1]

X_train, X_test, y_train, y_test = train_test_split(cars[features], cars["price"], test_size=0.2, random_state=0)
model = GradientBoostingRegressor(n_estimators=400, random_state=0).fit(X_train, y_train)
print(f"test MAE: {mean_absolute_error(y_test, model.predict(X_test)):.0f}")
