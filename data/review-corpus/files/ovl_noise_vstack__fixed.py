# label: leakage/none
# twin: ovl_noise_vstack__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor

rng = np.random.default_rng(0)
X = np.loadtxt("sensors.csv", delimiter=",", skiprows=1)
y = np.loadtxt("yield.csv", delimiter=",", skiprows=1)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

# jitter augmentation of the training readings: three noisy copies of each
X_train = np.vstack([X_train] + [X_train + rng.normal(0, 0.01, X_train.shape) for _ in range(3)])
y_train = np.concatenate([y_train, y_train, y_train, y_train])

reg = MLPRegressor(hidden_layer_sizes=(64, 64), max_iter=2000, random_state=0).fit(X_train, y_train)
print(r2_score(y_test, reg.predict(X_test)))
