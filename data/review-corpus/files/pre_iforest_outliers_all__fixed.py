# label: leakage/none
# twin: pre_iforest_outliers_all__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, IsolationForest
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

cars = pd.read_csv("used_cars.csv")
features = ["year", "mileage", "engine_size", "mpg", "tax"]

X_train, X_test, y_train, y_test = train_test_split(cars[features], cars["price"], test_size=0.2, random_state=0)

# drop the 2% most anomalous training listings (typos in mileage, scrapped cars, ...)
iso = IsolationForest(contamination=0.02, random_state=0).fit(X_train)
keep = iso.predict(X_train) == 1
X_train, y_train = X_train[keep], y_train[keep]

model = GradientBoostingRegressor(n_estimators=400, random_state=0).fit(X_train, y_train)
print(f"test MAE: {mean_absolute_error(y_test, model.predict(X_test)):.0f}")
