# label: leakage/none
# twin: sel_loop_models__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier
from sklearn.tree import DecisionTreeClassifier
X = np.load("X.npy"); y = np.load("y.npy")
X_tmp, X_te, y_tmp, y_te = train_test_split(X, y, test_size=0.2, random_state=1)
X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.25, random_state=1)
models = [RandomForestClassifier(random_state=0), GradientBoostingClassifier(random_state=0), DecisionTreeClassifier(random_state=0)]
results = {}
for m in models:
    m.fit(X_tr, y_tr)
    results[type(m).__name__] = f1_score(y_val, m.predict(X_val))
final = RandomForestClassifier(random_state=0).fit(X_tr, y_tr)
print(f1_score(y_te, final.predict(X_te)))
