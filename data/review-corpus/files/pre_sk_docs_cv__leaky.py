# label: leakage/preprocessing
# twin: pre_sk_docs_cv__fixed.py
# source: scikit-learn doc/common_pitfalls.rst, 'Data leakage during feature selection' (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.feature_selection import SelectKBest
from sklearn.ensemble import GradientBoostingClassifier
rng = np.random.RandomState(42)
X = rng.standard_normal((200, 10000))
y = rng.choice(2, 200)
X_selected = SelectKBest(k=25).fit_transform(X, y)
scores = cross_val_score(GradientBoostingClassifier(random_state=1), X_selected, y)
print(f"Mean accuracy: {scores.mean():.2f}+/-{scores.std():.2f}")
