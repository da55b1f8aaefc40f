# label: leakage/overlap
# twin: ovl_smote_then_cv_pipeline__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

churn = pd.read_csv("bank_churn.csv")
X = churn[["credit_score", "age", "tenure", "balance", "products", "salary"]]
y = churn["exited"]
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=13)
X_res, y_res = SMOTE(random_state=13).fit_resample(X, y)
pipe = make_pipeline(StandardScaler(), SVC())
print(cross_val_score(pipe, X_res, y_res, cv=cv, scoring="recall").mean())
