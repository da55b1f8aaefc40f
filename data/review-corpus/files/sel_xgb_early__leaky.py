# label: leakage/selection
# twin: sel_xgb_early__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
import xgboost as xgb
X = np.load("X.npy"); y = np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)
clf = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=50, random_state=0)
clf.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
print(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
