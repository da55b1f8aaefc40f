# label: leakage/none
# twin: ovl_fit_all__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.ensemble import GradientBoostingRegressor
X = np.load("X.npy"); y = np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=8)
model = GradientBoostingRegressor(random_state=0)
model.fit(X_train, y_train)
print(mean_squared_error(y_test, model.predict(X_test)))
