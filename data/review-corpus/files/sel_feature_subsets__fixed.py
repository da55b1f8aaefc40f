# label: leakage/none
# twin: sel_feature_subsets__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("credit.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["bad"]), df["bad"], random_state=2)
for cols in [["income"], ["income", "debt"], ["income", "debt", "age"]]:
    print(cols, cross_val_score(LogisticRegression(), X_train[cols], y_train, cv=5).mean())
clf = LogisticRegression().fit(X_train[["income", "debt"]], y_train)
print(clf.score(X_test[["income", "debt"]], y_test))
