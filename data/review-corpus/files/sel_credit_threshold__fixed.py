# label: leakage/none
# twin: sel_credit_threshold__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import f1_score, precision_score, recall_score

df = pd.read_parquet("data/credit_applications.parquet")
y = df.pop("defaulted").values
X = df.select_dtypes("number")

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=11)

clf = xgb.XGBClassifier(n_estimators=500, max_depth=4, learning_rate=0.05,
                        subsample=0.8, colsample_bytree=0.8, eval_metric="logloss")
X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=11)
clf.fit(X_fit, y_fit)


def pick_threshold(y_true, proba, grid=np.linspace(0.05, 0.95, 91)):
    f1s = [f1_score(y_true, proba >= t) for t in grid]
    return grid[int(np.argmax(f1s))]


proba_te = clf.predict_proba(X_te)[:, 1]
thr = pick_threshold(y_val, clf.predict_proba(X_val)[:, 1])
pred = proba_te >= thr
print(f"threshold={thr:.2f}  f1={f1_score(y_te, pred):.3f}  "
      f"precision={precision_score(y_te, pred):.3f}  recall={recall_score(y_te, pred):.3f}")
