# label: leakage/none
# twin: ovl_time_lags__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import Ridge
df = pd.read_csv("demand.csv", parse_dates=["day"])
for lag in (1, 7, 28):
    df[f"lag_{lag}"] = df["demand"].shift(lag)
df = df.dropna()
X, y = df[["lag_1", "lag_7", "lag_28"]], df["demand"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
print(mean_squared_error(y_test, Ridge().fit(X_train, y_train).predict(X_test)))
