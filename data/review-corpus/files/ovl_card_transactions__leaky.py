# label: leakage/overlap
# twin: ovl_card_transactions__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report

tx = pd.read_csv("data/creditcard.csv")
X = tx.drop(columns=["Class", "Time"])
y = tx["Class"]
print(y.value_counts())

X_res, y_res = SMOTE(sampling_strategy=0.2, k_neighbors=5, random_state=1).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.3, stratify=y_res, random_state=1)

rf = RandomForestClassifier(n_estimators=300, min_samples_leaf=2, n_jobs=-1, random_state=1)
rf.fit(X_train, y_train)
scores = rf.predict_proba(X_test)[:, 1]
print("PR-AUC:", round(average_precision_score(y_test, scores), 4))
print(classification_report(y_test, scores > 0.5, digits=4))
