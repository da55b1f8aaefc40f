# label: leaky preprocessing
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

expr = pd.read_parquet("data/tumour_rnaseq_log2tpm.parquet")
samples = pd.read_csv("data/tumour_samples.csv", index_col="sample_id")
expr = expr.loc[samples.index]

X = expr.to_numpy(dtype=np.float64)
y = (samples["therapy_response"] == "responder").astype(int).to_numpy()
print(f"{X.shape[0]} tumours x {X.shape[1]} genes, responders: {y.sum()}")

selector = SelectKBest(f_classif, k=100)
X_top = selector.fit_transform(X, y)

model = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=0.1, max_iter=5000),
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(model, X_top, y, cv=cv, scoring="roc_auc")
print(f"5-fold AUC: {scores.mean():.3f} +/- {scores.std():.3f}")

top_genes = expr.columns[selector.get_support()]
print("signature genes:", ", ".join(top_genes[:20]))
