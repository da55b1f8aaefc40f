# label: leakage/selection
# twin: sel_nested_cv__fixed.py
# source: adapted from scikit-learn examples/model_selection/plot_nested_cross_validation_iris.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.svm import SVC

NUM_TRIALS = 30
iris = load_iris()
X_iris = iris.data
y_iris = iris.target

p_grid = {"C": [1, 10, 100], "gamma": [0.01, 0.1]}
svm = SVC(kernel="rbf")

non_nested_scores = np.zeros(NUM_TRIALS)
for i in range(NUM_TRIALS):
    inner_cv = KFold(n_splits=4, shuffle=True, random_state=i)
    clf = GridSearchCV(estimator=svm, param_grid=p_grid, cv=inner_cv)
    clf.fit(X_iris, y_iris)
    non_nested_scores[i] = clf.best_score_

print(
    "Generalization accuracy of the tuned SVC: {0:.3f} +/- {1:.3f}".format(
        non_nested_scores.mean(), non_nested_scores.std()
    )
)
