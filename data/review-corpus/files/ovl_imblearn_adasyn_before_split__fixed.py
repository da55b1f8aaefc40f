# label: leakage/none
# twin: ovl_imblearn_adasyn_before_split__leaky.py
# source: adapted from imbalanced-learn examples/over-sampling/plot_comparison_over_sampling.py (MIT, (c) the imbalanced-learn developers)
from imblearn.over_sampling import ADASYN
from imblearn.pipeline import make_pipeline
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split


def create_dataset(n_samples=1000, weights=(0.01, 0.01, 0.98), n_classes=3, class_sep=0.8, n_clusters=1):
    return make_classification(
        n_samples=n_samples, n_features=2, n_informative=2, n_redundant=0, n_repeated=0,
        n_classes=n_classes, n_clusters_per_class=n_clusters, weights=list(weights),
        class_sep=class_sep, random_state=0,
    )


X, y = create_dataset(n_samples=5000, weights=(0.01, 0.05, 0.94))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)

clf = make_pipeline(ADASYN(random_state=0), LogisticRegression(max_iter=1000)).fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
