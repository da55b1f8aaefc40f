# label: leakage/none
# twin: tgt_derived_name__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import Ridge
df = pd.read_csv("houses.csv")
X_train, X_test, y_train, y_test = train_test_split(df[["area", "rooms"]], df["price"], random_state=0)
print(Ridge().fit(X_train, y_train).score(X_test, y_test))
