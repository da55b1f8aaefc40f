# label: leakage/target
# twin: tgt_not_dropped__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import LinearRegression
df = pd.read_csv("salaries.csv")
y = df["salary"]
X = df.drop(columns=["employee_id"])
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
print(LinearRegression().fit(X_train, y_train).score(X_test, y_test))
