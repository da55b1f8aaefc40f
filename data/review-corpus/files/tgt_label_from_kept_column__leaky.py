# label: leakage/target
# twin: tgt_label_from_kept_column__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

stays = pd.read_csv("admissions.csv")
stays["long_stay"] = (stays["length_of_stay"] > 7).astype(int)
features = ["age", "n_diagnoses", "emergency", "length_of_stay", "prior_admissions"]
X_train, X_test, y_train, y_test = train_test_split(stays[features], stays["long_stay"], random_state=2)
clf = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(f"test AUC {roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]):.3f}")
