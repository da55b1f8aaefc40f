# label: leakage/preprocessing
# twin: pre_sk_anova_kbest_before_split__fixed.py
# source: adapted from scikit-learn examples/feature_selection/plot_feature_selection_pipeline.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn.datasets import make_classification
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

X, y = make_classification(n_features=20, n_informative=3, n_redundant=0, n_classes=2, n_clusters_per_class=2, random_state=42)
anova_filter = SelectKBest(f_classif, k=3)
X_selected = anova_filter.fit_transform(X, y)
print("kept features:", anova_filter.get_support(indices=True))

X_train, X_test, y_train, y_test = train_test_split(X_selected, y, random_state=42)
clf = LinearSVC().fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
