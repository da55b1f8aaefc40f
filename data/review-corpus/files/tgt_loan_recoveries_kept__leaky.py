# label: leakage/target
# twin: tgt_loan_recoveries_kept__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("accepted_2007_to_2018Q4.csv.gz", low_memory=False)
loans = loans[loans["loan_status"].isin(["Fully Paid", "Charged Off"])]
loans["default"] = (loans["loan_status"] == "Charged Off").astype(int)

cols = [
    "loan_amnt",
    "int_rate",
    "installment",
    "annual_inc",
    "dti",
    "fico_range_low",
    "revol_util",
    "open_acc",
    "total_rec_prncp",
    "recoveries",
    "last_pymnt_amnt",
]
X = loans[cols]
y = loans["default"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

clf = lgb.LGBMClassifier(n_estimators=600, learning_rate=0.05)
clf.fit(X_train, y_train)
print("AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
