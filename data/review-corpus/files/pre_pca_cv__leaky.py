# label: leakage/preprocessing
# twin: pre_pca_cv__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.decomposition import PCA
from sklearn.svm import SVC
X = np.load("faces.npy"); y = np.load("labels.npy")
X_pca = PCA(n_components=50, random_state=0).fit_transform(X)
print(cross_val_score(SVC(), X_pca, y, cv=KFold(5, shuffle=True, random_state=0)).mean())
