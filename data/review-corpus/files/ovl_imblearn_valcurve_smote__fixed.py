# label: leakage/none
# twin: ovl_imblearn_valcurve_smote__leaky.py
# source: adapted from imbalanced-learn examples/model_selection/plot_validation_curve.py (MIT, (c) the imbalanced-learn developers)
from sklearn import datasets, metrics, tree
from sklearn.model_selection import validation_curve

from imblearn import pipeline as pl
from imblearn.over_sampling import SMOTE

RANDOM_STATE = 42

scorer = metrics.make_scorer(metrics.cohen_kappa_score)

# Generate the dataset
X, y = datasets.make_classification(
    n_classes=2, class_sep=2, weights=[0.1, 0.9], n_informative=10, n_redundant=1, flip_y=0,
    n_features=20, n_clusters_per_class=4, n_samples=5000, random_state=RANDOM_STATE,
)
cart = tree.DecisionTreeClassifier(random_state=RANDOM_STATE)
pipeline = pl.make_pipeline(SMOTE(random_state=RANDOM_STATE), cart)

param_range = range(1, 11)
train_scores, test_scores = validation_curve(
    pipeline, X, y, param_name="smote__k_neighbors", param_range=param_range, cv=3, scoring=scorer
)

for k, mean, std in zip(param_range, test_scores.mean(axis=1), test_scores.std(axis=1)):
    print(f"k_neighbors={k}: Cohen's kappa {mean:.2f} +/- {std:.2f}")
