# label: leakage/none
# twin: ovl_adasyn_helper__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import numpy as np
from imblearn.over_sampling import ADASYN
from lightgbm import LGBMClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split


def load():
    data = np.load("churn_features.npz")
    return data["X"], data["y"]


def balance(features, labels, seed=0):
    """Synthesize minority samples so that the classifier sees both classes equally often."""
    return ADASYN(random_state=seed, n_neighbors=7).fit_resample(features, labels)


X, y = load()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
X_train, y_train = balance(X_train, y_train)

clf = LGBMClassifier(n_estimators=600, learning_rate=0.05, random_state=0)
clf.fit(X_train, y_train)
print("average precision:", average_precision_score(y_test, clf.predict_proba(X_test)[:, 1]))
