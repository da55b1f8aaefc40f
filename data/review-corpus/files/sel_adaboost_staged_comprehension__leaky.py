# label: leakage/selection
# twin: sel_adaboost_staged_comprehension__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import AdaBoostClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=8)

ada = AdaBoostClassifier(n_estimators=400, learning_rate=0.5, random_state=0).fit(X_tr, y_tr)
acc_by_stage = [accuracy_score(y_te, p) for p in ada.staged_predict(X_te)]
n_best = int(np.argmax(acc_by_stage)) + 1
print(f"{n_best} stages, test accuracy {acc_by_stage[n_best - 1]:.3f}")
