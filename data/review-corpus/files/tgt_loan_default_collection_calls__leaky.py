# label: leakage/target
# twin: tgt_loan_default_collection_calls__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("consumer_loans_2019_2021.csv", parse_dates=["issue_date"])
loans["defaulted"] = loans["status"].isin(["Charged Off", "Default"]).astype(int)

FEATURES = [
    "loan_amount",
    "term_months",
    "interest_rate",
    "annual_income",
    "dti",
    "fico_low",
    "open_accounts",
    "collection_calls_made",
    "home_ownership",
]
loans["home_ownership"] = loans["home_ownership"].astype("category")

X_train, X_test, y_train, y_test = train_test_split(
    loans[FEATURES], loans["defaulted"], test_size=0.25, stratify=loans["defaulted"], random_state=99
)
booster = lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=31, random_state=99)
booster.fit(X_train, y_train)

auc = roc_auc_score(y_test, booster.predict_proba(X_test)[:, 1])
importance = pd.Series(booster.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(f"test AUC {auc:.4f}")
print(importance.head(5))
