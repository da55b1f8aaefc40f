# label: leakage/none
# twin: sel_calibration_method_brier__leaky.py
# source: adapted from scikit-learn example 'Probability calibration of classifiers' (BSD-3-Clause)
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.datasets import make_blobs
from sklearn.metrics import brier_score_loss
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB

N_SAMPLES = 50000
centers = [(-5, -5), (0, 0), (5, 5)]
X, y = make_blobs(n_samples=N_SAMPLES, centers=centers, shuffle=False, random_state=42)
y[: N_SAMPLES // 2] = 0
y[N_SAMPLES // 2 :] = 1
sample_weight = np.random.RandomState(42).rand(y.shape[0])

X_train, X_test, y_train, y_test, sw_train, sw_test = train_test_split(
    X, y, sample_weight, test_size=0.9, random_state=42
)
X_train, X_val, y_train, y_val, sw_train, sw_val = train_test_split(
    X_train, y_train, sw_train, test_size=0.3, random_state=0
)


def fit_calibrated(method):
    clf = GaussianNB()
    if method == "none":
        return clf.fit(X_train, y_train)
    calibrated = CalibratedClassifierCV(clf, cv=2, method=method)
    return calibrated.fit(X_train, y_train, sample_weight=sw_train)


scores, models = {}, {}
for method in ["none", "sigmoid", "isotonic"]:
    model = fit_calibrated(method)
    prob_pos = model.predict_proba(X_val)[:, 1]
    scores[method] = brier_score_loss(y_val, prob_pos, sample_weight=sw_val)
    models[method] = model
    print(f"Brier score ({method}): {scores[method]:.3f}")

best = min(scores, key=scores.get)
test_prob = models[best].predict_proba(X_test)[:, 1]
test_brier = brier_score_loss(y_test, test_prob, sample_weight=sw_test)
print(f"Selected calibration: {best}, test Brier {test_brier:.3f}")
