# label: leakage/overlap
# twin: ovl_upsample__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.utils import resample
from sklearn.tree import DecisionTreeClassifier
df = pd.read_csv("events.csv")
majority = df[df.label == 0]
minority = df[df.label == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=4)
balanced = pd.concat([majority, minority_up])
train, test = train_test_split(balanced, test_size=0.2, random_state=4)
clf = DecisionTreeClassifier(random_state=0).fit(train.drop(columns=["label"]), train["label"])
print(clf.score(test.drop(columns=["label"]), test["label"]))
