# label: leakage/preprocessing
# twin: pre_lfw_pca_before_split__fixed.py
# source: adapted from scikit-learn examples/applications/plot_face_recognition.py (BSD-3-Clause, (c) the scikit-learn developers)
from time import time

from scipy.stats import loguniform
from sklearn.datasets import fetch_lfw_people
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report
from sklearn.model_selection import RandomizedSearchCV, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

lfw_people = fetch_lfw_people(min_faces_per_person=70, resize=0.4)
n_samples, h, w = lfw_people.images.shape
X = lfw_people.data
y = lfw_people.target
target_names = lfw_people.target_names

# Compute a PCA (eigenfaces) on the face dataset: unsupervised feature extraction
n_components = 150
t0 = time()
X_scaled = StandardScaler().fit_transform(X)
pca = PCA(n_components=n_components, svd_solver="randomized", whiten=True).fit(X_scaled)
eigenfaces = pca.components_.reshape((n_components, h, w))
X_pca = pca.transform(X_scaled)
print("done in %0.3fs" % (time() - t0))

X_train_pca, X_test_pca, y_train, y_test = train_test_split(X_pca, y, test_size=0.25, random_state=42)

param_grid = {"C": loguniform(1e3, 1e5), "gamma": loguniform(1e-4, 1e-1)}
clf = RandomizedSearchCV(SVC(kernel="rbf", class_weight="balanced"), param_grid, n_iter=10, random_state=42)
clf = clf.fit(X_train_pca, y_train)
print("Best estimator found by grid search:")
print(clf.best_estimator_)

y_pred = clf.predict(X_test_pca)
print(classification_report(y_test, y_pred, target_names=target_names))
