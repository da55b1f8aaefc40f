# label: leakage/none
# twin: pre_fillna_mean__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("titanic.csv")
X = df[["Age", "Fare", "Pclass"]]
y = df["Survived"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
fill = {"Age": X_train["Age"].mean(), "Fare": X_train["Fare"].median()}
X_train = X_train.fillna(fill)
X_test = X_test.fillna(fill)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
