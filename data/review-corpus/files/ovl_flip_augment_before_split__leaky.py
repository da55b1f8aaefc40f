# label: leakage/overlap
# twin: ovl_flip_augment_before_split__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

images = np.load("leaf_images.npy")  # (n, 32, 32)
labels = np.load("leaf_labels.npy")
# twice the data: every image also mirrored
images = np.concatenate([images, images[:, :, ::-1]])
labels = np.concatenate([labels, labels])
X_train, X_test, y_train, y_test = train_test_split(images.reshape(len(images), -1), labels, test_size=0.2, random_state=0)
clf = LogisticRegression(max_iter=2000).fit(X_train, y_train)
print(f"test accuracy {clf.score(X_test, y_test):.3f}")
