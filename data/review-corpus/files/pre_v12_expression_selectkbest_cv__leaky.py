# label: leakage/preprocessing
# twin: pre_v12_expression_selectkbest_cv__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

expr = pd.read_csv("data/tumor_expression_matrix.csv", index_col=0)
y = (expr.pop("subtype") == "basal").astype(int).to_numpy()
X = np.log2(expr.to_numpy() + 1.0)
print(X.shape)

selector = SelectKBest(f_classif, k=50)
X_sel = selector.fit_transform(X, y)
model = make_pipeline(StandardScaler(), SVC(kernel="rbf", C=1.0))

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(model, X_sel, y, cv=cv, scoring="roc_auc")
print(f"AUC: {scores.mean():.3f} +/- {scores.std():.3f}")
