# label: leakage/preprocessing
# twin: pre_tumor_expression__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

expr = pd.read_csv("omics/rnaseq_log2_tpm_tumors.csv", index_col="sample_id")
meta = pd.read_csv("omics/sample_annotations.csv", index_col="sample_id")
meta = meta[meta["response"].isin(["responder", "non_responder"])]
expr = expr.loc[meta.index]

y = (meta["response"] == "responder").astype(int).to_numpy()
X = expr.to_numpy()
print(X.shape, y.mean())

selector = SelectKBest(score_func=f_classif, k=50)
X_top = selector.fit_transform(X, y)

clf = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=0.1, max_iter=5000),
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=17)
auc = cross_val_score(clf, X_top, y, cv=cv, scoring="roc_auc")
print(f"CV ROC AUC: {auc.mean():.3f} +/- {auc.std():.3f}")

clf.fit(X_top, y)
top_genes = expr.columns[selector.get_support()]
coef = pd.Series(clf[-1].coef_[0], index=top_genes).sort_values()
print(coef.tail(10))
