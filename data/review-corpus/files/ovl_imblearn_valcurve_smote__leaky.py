# label: leakage/overlap
# twin: ovl_imblearn_valcurve_smote__fixed.py
# source: adapted from imbalanced-learn examples/model_selection/plot_validation_curve.py (MIT, (c) the imbalanced-learn developers)
import numpy as np
from sklearn import datasets, metrics, tree
from sklearn.model_selection import cross_val_score

from imblearn.over_sampling import SMOTE

RANDOM_STATE = 42

scorer = metrics.make_scorer(metrics.cohen_kappa_score)

# Generate the dataset
X, y = datasets.make_classification(
    n_classes=2, class_sep=2, weights=[0.1, 0.9], n_informative=10, n_redundant=1, flip_y=0,
    n_features=20, n_clusters_per_class=4, n_samples=5000, random_state=RANDOM_STATE,
)
cart = tree.DecisionTreeClassifier(random_state=RANDOM_STATE)

param_range = range(1, 11)
test_scores = []
for k in param_range:
    X_res, y_res = SMOTE(k_neighbors=k, random_state=RANDOM_STATE).fit_resample(X, y)
    test_scores.append(cross_val_score(cart, X_res, y_res, cv=3, scoring=scorer))
test_scores = np.array(test_scores)

for k, mean, std in zip(param_range, test_scores.mean(axis=1), test_scores.std(axis=1)):
    print(f"k_neighbors={k}: Cohen's kappa {mean:.2f} +/- {std:.2f}")
