# label: leakage/none
# twin: pre_kidney_disease__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ckd = pd.read_csv("data/chronic_kidney_disease.csv", na_values=["?", "\t?"])
ckd = ckd.drop(columns="id")
y = (ckd.pop("classification").str.strip() == "ckd").astype(int)
X = ckd.select_dtypes("number")
print(X.isna().mean().sort_values(ascending=False).head(8))

model = make_pipeline(KNNImputer(n_neighbors=5), StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
auc = cross_val_score(model, X, y, cv=cv, scoring="roc_auc")
print(f"ROC AUC: {auc.mean():.3f} +/- {auc.std():.3f}")
