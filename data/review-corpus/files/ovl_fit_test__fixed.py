# label: leakage/none
# twin: ovl_fit_test__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.naive_bayes import GaussianNB
df = pd.read_csv("spam.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["spam"]), df["spam"], random_state=9)
nb = GaussianNB()
nb.fit(X_train, y_train)
print(accuracy_score(y_test, nb.predict(X_test)))
