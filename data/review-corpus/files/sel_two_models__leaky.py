# label: leakage/selection
# twin: sel_two_models__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import LogisticRegression
from sklearn.svm import SVC
df = pd.read_csv("churn.csv")
X, y = df.drop(columns=["churn"]), df["churn"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
lr = LogisticRegression(max_iter=1000).fit(X_train, y_train)
svc = SVC().fit(X_train, y_train)
print("lr", accuracy_score(y_test, lr.predict(X_test)))
print("svc", accuracy_score(y_test, svc.predict(X_test)))
