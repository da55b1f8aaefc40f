# label: leakage/target
# twin: tgt_v12_loan_recoveries_xgb__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from xgboost import XGBClassifier

loans = pd.read_csv("data/loans_2015_2018.csv", low_memory=False)
loans = loans[loans["loan_status"].isin(["Fully Paid", "Charged Off"])]
y = (loans["loan_status"] == "Charged Off").astype(int)

num_cols = [
    "loan_amnt", "int_rate", "installment", "annual_inc", "dti",
    "revol_util", "open_acc", "total_acc", "delinq_2yrs", "fico_range_low",
    "recoveries",
]
cat_cols = ["term", "grade", "home_ownership", "purpose", "verification_status"]
X = loans[num_cols + cat_cols]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=21)

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), cat_cols),
    ], remainder="passthrough")),
    ("xgb", XGBClassifier(n_estimators=500, max_depth=5, learning_rate=0.05, subsample=0.8, colsample_bytree=0.8)),
])
pipe.fit(X_train, y_train)
proba = pipe.predict_proba(X_test)[:, 1]
print("ROC AUC:", roc_auc_score(y_test, proba))
print("PR AUC:", average_precision_score(y_test, proba))
