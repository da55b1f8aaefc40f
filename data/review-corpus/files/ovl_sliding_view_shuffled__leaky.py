# label: leakage/overlap
# twin: ovl_sliding_view_shuffled__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

temps = np.loadtxt("daily_temperature.csv", delimiter=",", skiprows=1, usecols=1)
windows = sliding_window_view(temps, 15)
X, y = windows[:, :-1], windows[:, -1]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=5)
print(Ridge().fit(X_train, y_train).score(X_test, y_test))
