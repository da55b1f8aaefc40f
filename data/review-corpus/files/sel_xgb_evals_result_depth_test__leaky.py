# label: leakage/selection
# twin: sel_xgb_evals_result_depth_test__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

churn = pd.read_csv("telco_churn_numeric.csv")
X, y = churn.drop(columns=["Churn"]), churn["Churn"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=21)

final_loss = {}
for depth in (2, 4, 6, 8):
    clf = XGBClassifier(n_estimators=300, max_depth=depth, learning_rate=0.05, eval_metric="logloss")
    clf.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
    final_loss[depth] = clf.evals_result()["validation_0"]["logloss"][-1]

best_depth = min(final_loss, key=final_loss.get)
print(f"max_depth={best_depth}: test log loss {final_loss[best_depth]:.4f}")
