# label: leakage/selection
# twin: sel_xgb_sklearn_es_test__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

bank = pd.read_csv("bank_marketing.csv")
X = pd.get_dummies(bank.drop(columns=["subscribed"]), drop_first=True)
y = bank["subscribed"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=8)
clf = xgb.XGBClassifier(n_estimators=2000, learning_rate=0.05, early_stopping_rounds=50, eval_metric="auc")
clf.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
print(f"best iteration {clf.best_iteration}, test AUC {roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]):.3f}")
