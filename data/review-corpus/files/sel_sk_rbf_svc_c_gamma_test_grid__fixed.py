# label: leakage/none
# twin: sel_sk_rbf_svc_c_gamma_test_grid__leaky.py
# source: adapted from scikit-learn examples/svm/plot_rbf_parameters.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import GridSearchCV, StratifiedShuffleSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

iris = load_iris()
X, y = iris.data, iris.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=42)

C_range = np.logspace(-2, 10, 13)
gamma_range = np.logspace(-9, 3, 13)
param_grid = {"svc__C": C_range, "svc__gamma": gamma_range}
cv = StratifiedShuffleSplit(n_splits=5, test_size=0.2, random_state=42)
grid = GridSearchCV(make_pipeline(StandardScaler(), SVC()), param_grid=param_grid, cv=cv)
grid.fit(X_train, y_train)

print(f"The best parameters are {grid.best_params_} with a CV score of {grid.best_score_:.2f}")
print(f"Test accuracy of the chosen model: {grid.score(X_test, y_test):.2f}")
