# label: leakage/preprocessing
# twin: pre_manual_norm__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.neighbors import KNeighborsRegressor
X = np.load("X.npy"); y = np.load("y.npy")
X = (X - X.mean(axis=0)) / X.std(axis=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=21)
print(KNeighborsRegressor().fit(X_train, y_train).score(X_test, y_test))
