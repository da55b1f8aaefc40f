# label: leakage/none
# twin: sel_predefined_split_test__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
from scipy.stats import loguniform
from sklearn.datasets import load_digits
from sklearn.model_selection import PredefinedSplit, RandomizedSearchCV, train_test_split
from sklearn.svm import SVC

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, stratify=y_train, random_state=0)

# a single fixed split instead of k folds: fit on the training rows, score on the validation rows
X_search = np.concatenate([X_fit, X_val])
y_search = np.concatenate([y_fit, y_val])
test_fold = np.concatenate([np.full(len(X_fit), -1), np.zeros(len(X_val), dtype=int)])

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
final = SVC(**search.best_params_).fit(X_train, y_train)
print(f"held-out accuracy: {final.score(X_test, y_test):.3f}")
