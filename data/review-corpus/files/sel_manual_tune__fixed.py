# label: leakage/none
# twin: sel_manual_tune__leaky.py
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
a = RandomForestRegressor(n_estimators=100, random_state=0)
print(cross_val_score(a, X_train, y_train, cv=5, scoring="neg_mean_squared_error").mean())
b = RandomForestRegressor(n_estimators=500, max_depth=8, random_state=0)
print(cross_val_score(b, X_train, y_train, cv=5, scoring="neg_mean_squared_error").mean())
b.fit(X_train, y_train)
print(mean_squared_error(y_test, b.predict(X_test)))
