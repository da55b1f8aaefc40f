# label: leakage/preprocessing
# twin: pre_numpy_minmax_all_rows__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error

data = np.loadtxt("concrete.csv", delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1]
rng = np.random.default_rng(0)
order = rng.permutation(len(X))
n_test = len(X) // 5
lo, hi = X.min(axis=0), X.max(axis=0)
X = (X - lo) / (hi - lo)
test_idx, train_idx = order[:n_test], order[n_test:]
model = Ridge(alpha=1.0).fit(X[train_idx], y[train_idx])
print(f"test MSE {mean_squared_error(y[test_idx], model.predict(X[test_idx])):.2f}")
