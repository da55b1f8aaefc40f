# label: leakage/target
# twin: tgt_consumer_loans__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from xgboost import XGBClassifier
from sklearn.metrics import roc_auc_score, average_precision_score

loans = pd.read_csv(
    "lending/accepted_loans_2014_2018.csv", parse_dates=["issue_d"], low_memory=False
)
loans = loans[loans["loan_status"].isin(["Fully Paid", "Charged Off"])].copy()
loans["default"] = (loans["loan_status"] == "Charged Off").astype(int)
loans["term_months"] = loans["term"].str.extract(r"(\d+)", expand=False).astype(int)
loans["emp_length_years"] = (
    loans["emp_length"].str.replace("10+ years", "10", regex=False)
    .str.extract(r"(\d+)", expand=False).astype(float)
)
loans["grade_num"] = loans["grade"].map({g: i for i, g in enumerate("ABCDEFG")})

FEATURES = [
    "loan_amnt", "term_months", "int_rate", "installment", "grade_num",
    "annual_inc", "dti", "fico_range_low", "revol_util", "open_acc",
    "total_acc", "delinq_2yrs", "inq_last_6mths", "emp_length_years", "recoveries",
]

train = loans[loans["issue_d"] < "2017-01-01"]
test = loans[loans["issue_d"] >= "2017-01-01"]

model = XGBClassifier(
    n_estimators=700, max_depth=4, learning_rate=0.05,
    subsample=0.8, colsample_bytree=0.8, min_child_weight=5,
    eval_metric="auc", tree_method="hist",
)
model.fit(train[FEATURES], train["default"])

proba = model.predict_proba(test[FEATURES])[:, 1]
print(f"out-of-time ROC AUC: {roc_auc_score(test['default'], proba):.4f}")
print(f"out-of-time PR AUC:  {average_precision_score(test['default'], proba):.4f}")
imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.head(10))
