# label: leakage/none
# twin: pre_lfw_pca_before_split__leaky.py
# source: adapted from scikit-learn examples/applications/plot_face_recognition.py (BSD-3-Clause, (c) the scikit-learn developers)
from time import time

from scipy.stats import loguniform
from sklearn.datasets import fetch_lfw_people
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report
from sklearn.model_selection import RandomizedSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

lfw_people = fetch_lfw_people(min_faces_per_person=70, resize=0.4)
n_samples, h, w = lfw_people.images.shape
X = lfw_people.data
y = lfw_people.target
target_names = lfw_people.target_names

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

# Scaling and PCA (eigenfaces) are fitted inside each fold of the search, on training faces only
n_components = 150
model = make_pipeline(
    StandardScaler(),
    PCA(n_components=n_components, svd_solver="randomized", whiten=True),
    SVC(kernel="rbf", class_weight="balanced"),
)
param_grid = {"svc__C": loguniform(1e3, 1e5), "svc__gamma": loguniform(1e-4, 1e-1)}
t0 = time()
clf = RandomizedSearchCV(model, param_grid, n_iter=10, random_state=42)
clf = clf.fit(X_train, y_train)
print("done in %0.3fs" % (time() - t0))
print("Best estimator found by grid search:")
print(clf.best_estimator_)
eigenfaces = clf.best_estimator_.named_steps["pca"].components_.reshape((n_components, h, w))

y_pred = clf.predict(X_test)
print(classification_report(y_test, y_pred, target_names=target_names))
