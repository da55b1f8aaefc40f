# label: leakage/preprocessing
# twin: pre_pca_before_cv__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.model_selection import cross_val_score
from sklearn.svm import SVC

genes = pd.read_csv("expression.csv")
X, y = genes.drop(columns=["tumor"]), genes["tumor"]
X_reduced = PCA(n_components=20, random_state=0).fit_transform(X)
scores = cross_val_score(SVC(), X_reduced, y, cv=5)
print(f"cv accuracy {scores.mean():.3f}")
