# label: leakage/overlap
# twin: ovl_ros_cv__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from imblearn.over_sampling import RandomOverSampler
from sklearn.linear_model import LogisticRegression
X = np.load("X.npy"); y = np.load("y.npy")
X_os, y_os = RandomOverSampler(random_state=0).fit_resample(X, y)
print(cross_val_score(LogisticRegression(), X_os, y_os, cv=5).mean())
