# label: leakage/none
# twin: sel_nested_cv__leaky.py
# source: adapted from scikit-learn examples/model_selection/plot_nested_cross_validation_iris.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
from sklearn.svm import SVC

NUM_TRIALS = 30
iris = load_iris()
X_iris = iris.data
y_iris = iris.target

p_grid = {"C": [1, 10, 100], "gamma": [0.01, 0.1]}
svm = SVC(kernel="rbf")

nested_scores = np.zeros(NUM_TRIALS)
for i in range(NUM_TRIALS):
    inner_cv = KFold(n_splits=4, shuffle=True, random_state=i)
    outer_cv = KFold(n_splits=4, shuffle=True, random_state=i)
    clf = GridSearchCV(estimator=svm, param_grid=p_grid, cv=inner_cv)
    nested_score = cross_val_score(clf, X=X_iris, y=y_iris, cv=outer_cv)
    nested_scores[i] = nested_score.mean()

print(
    "Generalization accuracy of the tuned SVC: {0:.3f} +/- {1:.3f}".format(
        nested_scores.mean(), nested_scores.std()
    )
)
