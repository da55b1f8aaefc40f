# label: leakage/target
# twin: tgt_post_discharge_visits__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

adm = pd.read_csv("discharges.csv")
cols = ["age", "los_days", "n_meds", "postcode", "post_discharge_visits", "prior_visits"]
X_train, X_test, y_train, y_test = train_test_split(adm[cols], adm["readmitted_30d"], test_size=0.2, random_state=12)
clf = HistGradientBoostingClassifier(random_state=12).fit(X_train, y_train)
print(f"test AUC {roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]):.3f}")
