# label: leakage/selection
# twin: sel_manual_tune__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.ensemble import RandomForestRegressor
df = pd.read_csv("housing.csv")
X = df[["rooms", "age", "distance"]]
y = df["value"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=5)
a = RandomForestRegressor(n_estimators=100, random_state=0).fit(X_train, y_train)
print(mean_squared_error(y_test, a.predict(X_test)))
b = RandomForestRegressor(n_estimators=500, max_depth=8, random_state=0).fit(X_train, y_train)
print(mean_squared_error(y_test, b.predict(X_test)))
