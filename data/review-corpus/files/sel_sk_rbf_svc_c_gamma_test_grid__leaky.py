# label: leakage/selection
# twin: sel_sk_rbf_svc_c_gamma_test_grid__fixed.py
# source: adapted from scikit-learn examples/svm/plot_rbf_parameters.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

iris = load_iris()
X, y = iris.data, iris.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=42)

C_range = np.logspace(-2, 10, 13)
gamma_range = np.logspace(-9, 3, 13)
scores = np.zeros((len(C_range), len(gamma_range)))
for i, C in enumerate(C_range):
    for j, gamma in enumerate(gamma_range):
        clf = make_pipeline(StandardScaler(), SVC(C=C, gamma=gamma))
        clf.fit(X_train, y_train)
        scores[i, j] = clf.score(X_test, y_test)

i, j = np.unravel_index(scores.argmax(), scores.shape)
print(f"The best parameters are C={C_range[i]:.3g}, gamma={gamma_range[j]:.3g} with a score of {scores[i, j]:.2f}")
