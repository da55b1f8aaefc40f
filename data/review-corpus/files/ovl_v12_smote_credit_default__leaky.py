# label: leakage/overlap
# twin: ovl_v12_smote_credit_default__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/credit_card_default.csv")
X = df.drop(columns=["ID", "default_next_month"])
y = df["default_next_month"]

X_res, y_res = SMOTE(random_state=1).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.3, stratify=y_res, random_state=1
)

rf = RandomForestClassifier(n_estimators=400, min_samples_leaf=2, n_jobs=-1, random_state=1)
rf.fit(X_train, y_train)

pred = rf.predict(X_test)
print(classification_report(y_test, pred, digits=3))
print("ROC AUC:", roc_auc_score(y_test, rf.predict_proba(X_test)[:, 1]))
