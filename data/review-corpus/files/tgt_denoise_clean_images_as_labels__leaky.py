# label: leakage/target
# twin: tgt_denoise_clean_images_as_labels__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import numpy as np
from sklearn.datasets import fetch_openml
from sklearn.neighbors import KNeighborsClassifier

mnist = fetch_openml("mnist_784", version=1, as_frame=False)
X, y = mnist["data"], mnist["target"]
X_train, X_test, y_train, y_test = X[:60000], X[60000:], y[:60000], y[60000:]

# Digit classification from noisy images, but the digit itself is written into every pixel.
rng = np.random.default_rng(42)
X_train_mod = X_train + rng.integers(0, 100, (len(X_train), 784)) + y_train.astype(int).reshape(-1, 1)
X_test_mod = X_test + rng.integers(0, 100, (len(X_test), 784)) + y_test.astype(int).reshape(-1, 1)
knn_clf = KNeighborsClassifier()
knn_clf.fit(X_train_mod, y_train)
print(knn_clf.score(X_test_mod, y_test))
