# label: leakage/none
# twin: ovl_flip_augment_before_split__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

images = np.load("leaf_images.npy")  # (n, 32, 32)
labels = np.load("leaf_labels.npy")
X_train, X_test, y_train, y_test = train_test_split(images, labels, test_size=0.2, random_state=0)
# twice the training data: every training image also mirrored
X_train = np.concatenate([X_train, X_train[:, :, ::-1]])
y_train = np.concatenate([y_train, y_train])
clf = LogisticRegression(max_iter=2000).fit(X_train.reshape(len(X_train), -1), y_train)
print(f"test accuracy {clf.score(X_test.reshape(len(X_test), -1), y_test):.3f}")
