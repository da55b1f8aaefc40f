# label: leakage/overlap
# twin: ovl_noise_vstack__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor

rng = np.random.default_rng(0)
X = np.loadtxt("sensors.csv", delimiter=",", skiprows=1)
y = np.loadtxt("yield.csv", delimiter=",", skiprows=1)

# jitter augmentation: three noisy copies of every reading
X_big = np.vstack([X] + [X + rng.normal(0, 0.01, X.shape) for _ in range(3)])
y_big = np.concatenate([y, y, y, y])
X_train, X_test, y_train, y_test = train_test_split(X_big, y_big, test_size=0.2, random_state=0)

reg = MLPRegressor(hidden_layer_sizes=(64, 64), max_iter=2000, random_state=0).fit(X_train, y_train)
print(r2_score(y_test, reg.predict(X_test)))
