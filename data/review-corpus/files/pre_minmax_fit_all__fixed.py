# label: leakage/none
# twin: pre_minmax_fit_all__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.preprocessing import MinMaxScaler
from sklearn.neural_network import MLPRegressor
X = np.loadtxt("features.csv", delimiter=",")
y = np.loadtxt("targets.csv", delimiter=",")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=12)
mm = MinMaxScaler().fit(X_train)
model = MLPRegressor(random_state=0).fit(mm.transform(X_train), y_train)
print(model.score(mm.transform(X_test), y_test))
