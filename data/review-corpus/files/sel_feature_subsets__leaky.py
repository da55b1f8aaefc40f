# label: leakage/selection
# twin: sel_feature_subsets__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("credit.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["bad"]), df["bad"], random_state=2)
for cols in [["income"], ["income", "debt"], ["income", "debt", "age"]]:
    clf = LogisticRegression().fit(X_train[cols], y_train)
    print(cols, clf.score(X_test[cols], y_test))
