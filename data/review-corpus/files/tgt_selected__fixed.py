# label: leakage/none
# twin: tgt_selected__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.tree import DecisionTreeRegressor
df = pd.read_csv("cars.csv")
features = df[["year", "mileage", "engine"]]
X_train, X_test, y_train, y_test = train_test_split(features, df["price"], random_state=0)
print(DecisionTreeRegressor(random_state=0).fit(X_train, y_train).score(X_test, y_test))
