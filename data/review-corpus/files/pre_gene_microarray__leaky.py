# label: leakage/preprocessing
# twin: pre_gene_microarray__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.svm import LinearSVC
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

expr = pd.read_csv("data/leukemia_expression.csv", index_col=0)
subtype = expr.pop("subtype")
print(expr.shape, subtype.value_counts().to_dict())


def top_genes(X, y, k=50):
    sel = SelectKBest(f_classif, k=k).fit(X, y)
    return X.loc[:, sel.get_support()]


X_top = top_genes(expr, subtype)
pipe = Pipeline([
    ("scale", StandardScaler()),
    ("svm", LinearSVC(C=0.01, max_iter=20000)),
])
cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=10, random_state=0)
res = cross_validate(pipe, X_top, subtype, cv=cv, scoring=["accuracy", "f1_macro"])
print(f"accuracy {res['test_accuracy'].mean():.3f}  macro-F1 {res['test_f1_macro'].mean():.3f}")
