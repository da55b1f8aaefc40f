# label: leakage/none
# twin: pre_sk_anova_kbest_before_split__leaky.py
# source: adapted from scikit-learn examples/feature_selection/plot_feature_selection_pipeline.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn.datasets import make_classification
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

X, y = make_classification(n_features=20, n_informative=3, n_redundant=0, n_classes=2, n_clusters_per_class=2, random_state=42)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)

anova_filter = SelectKBest(f_classif, k=3)
clf = make_pipeline(anova_filter, LinearSVC()).fit(X_train, y_train)
print("kept features:", clf[0].get_support(indices=True))
print(classification_report(y_test, clf.predict(X_test)))
