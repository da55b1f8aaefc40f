# label: leakage/none
# twin: tgt_denoise_clean_images_as_labels__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import numpy as np
from sklearn.datasets import fetch_openml
from sklearn.neighbors import KNeighborsClassifier

mnist = fetch_openml("mnist_784", version=1, as_frame=False)
X, y = mnist["data"], mnist["target"]
X_train, X_test, y_train, y_test = X[:60000], X[60000:], y[:60000], y[60000:]

# Denoising: noisy images in, the clean images out (the model reconstructs its input).
rng = np.random.default_rng(42)
X_train_mod = X_train + rng.integers(0, 100, (len(X_train), 784))
X_test_mod = X_test + rng.integers(0, 100, (len(X_test), 784))
knn_clf = KNeighborsClassifier()
knn_clf.fit(X_train_mod, X_train)
clean_digits = knn_clf.predict(X_test_mod[:10])
print(np.abs(clean_digits - X_test[:10]).mean())
