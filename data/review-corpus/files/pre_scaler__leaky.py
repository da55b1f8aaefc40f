# label: leakage/preprocessing
# twin: pre_scaler__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
df = pd.read_csv("heart.csv")
X = df.drop("target", axis=1).values
y = df["target"].values
scaler = StandardScaler()
X = scaler.fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
print(SVC().fit(X_train, y_train).score(X_test, y_test))
