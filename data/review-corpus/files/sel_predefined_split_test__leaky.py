# label: leakage/selection
# twin: sel_predefined_split_test__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
from scipy.stats import loguniform
from sklearn.datasets import load_digits
from sklearn.model_selection import PredefinedSplit, RandomizedSearchCV, train_test_split
from sklearn.svm import SVC

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

# a single fixed split instead of k folds: fit on the training rows, score on the held-out rows
X_search = np.concatenate([X_train, X_test])
y_search = np.concatenate([y_train, y_test])
test_fold = np.concatenate([np.full(len(X_train), -1), np.zeros(len(X_test), dtype=int)])

search = RandomizedSearchCV(
    SVC(),
    {"C": loguniform(1e-1, 1e3), "gamma": loguniform(1e-5, 1e-1)},
    n_iter=40,
    cv=PredefinedSplit(test_fold),
    refit=False,
    random_state=0,
)
search.fit(X_search, y_search)
print("best parameters:", search.best_params_)
print(f"held-out accuracy: {search.best_score_:.3f}")
