# label: leakage/none
# twin: pre_pca_before_cv__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.model_selection import cross_val_score
from sklearn.svm import SVC

genes = pd.read_csv("expression.csv")
X, y = genes.drop(columns=["tumor"]), genes["tumor"]
from sklearn.pipeline import make_pipeline

scores = cross_val_score(make_pipeline(PCA(n_components=20, random_state=0), SVC()), X, y, cv=5)
print(f"cv accuracy {scores.mean():.3f}")
