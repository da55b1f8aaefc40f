# label: leakage/overlap
# twin: ovl_vibration_windows_shuffle__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

signal = np.load("bearing_vibration.npy")  # one long recording sampled at 1 kHz, shape (n,)
WINDOW, HORIZON = 128, 16


def make_windows(series, window, horizon):
    """Sliding windows with stride 1: inputs are `window` samples, the target `horizon` steps later."""
    X, y = [], []
    for start in range(len(series) - window - horizon + 1):
        X.append(series[start : start + window])
        y.append(series[start + window + horizon - 1])
    return np.array(X), np.array(y)


X, y = make_windows(signal, WINDOW, HORIZON)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

model = RandomForestRegressor(n_estimators=200, n_jobs=-1, random_state=0)
model.fit(X_train, y_train)
print(f"MAE {mean_absolute_error(y_test, model.predict(X_test)):.4f}")
