# label: leakage/none
# twin: tgt_claims_siu_result_kept__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder
from xgboost import XGBClassifier

claims = pd.read_csv("motor_claims.csv")
y = claims.pop("fraud_reported").map({"Y": 1, "N": 0})
claims = claims.drop(columns=["policy_number", "incident_date"])

categorical = [
    "incident_type",
    "collision_type",
    "incident_severity",
    "authorities_contacted",
    "insured_occupation",
]
numeric = ["months_as_customer", "policy_annual_premium", "total_claim_amount", "vehicle_age", "witnesses"]

pre = make_column_transformer((OneHotEncoder(handle_unknown="ignore"), categorical), ("passthrough", numeric))
clf = make_pipeline(pre, XGBClassifier(n_estimators=300, max_depth=4, learning_rate=0.1))

X_train, X_test, y_train, y_test = train_test_split(claims, y, test_size=0.3, stratify=y, random_state=2)
clf.fit(X_train, y_train)
print("average precision:", average_precision_score(y_test, clf.predict_proba(X_test)[:, 1]))
