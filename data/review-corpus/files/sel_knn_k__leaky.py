# label: leakage/selection
# twin: sel_knn_k__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.neighbors import KNeighborsClassifier
df = pd.read_csv("iris.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop("species", axis=1), df["species"], random_state=3)
best_k, best = 0, 0
for k in range(1, 25):
    knn = KNeighborsClassifier(n_neighbors=k)
    knn.fit(X_train, y_train)
    acc = knn.score(X_test, y_test)
    if acc > best:
        best_k, best = k, acc
print(best_k, best)
