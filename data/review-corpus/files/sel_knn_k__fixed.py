# label: leakage/none
# twin: sel_knn_k__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.neighbors import KNeighborsClassifier
df = pd.read_csv("iris.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop("species", axis=1), df["species"], random_state=3)
search = GridSearchCV(KNeighborsClassifier(), {"n_neighbors": list(range(1, 25))}, cv=5)
search.fit(X_train, y_train)
print(search.best_params_, search.best_estimator_.score(X_test, y_test))
