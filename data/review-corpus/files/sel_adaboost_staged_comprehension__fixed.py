# label: leakage/none
# twin: sel_adaboost_staged_comprehension__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import AdaBoostClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=8)
X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, test_size=0.25, stratify=y_tr, random_state=9)

ada = AdaBoostClassifier(n_estimators=400, learning_rate=0.5, random_state=0).fit(X_fit, y_fit)
acc_by_stage = [accuracy_score(y_val, p) for p in ada.staged_predict(X_val)]
n_best = int(np.argmax(acc_by_stage)) + 1
final = AdaBoostClassifier(n_estimators=n_best, learning_rate=0.5, random_state=0).fit(X_tr, y_tr)
print(f"{n_best} stages, test accuracy {accuracy_score(y_te, final.predict(X_te)):.3f}")
