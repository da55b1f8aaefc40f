# label: leakage/target
# twin: tgt_claim_fraud_payout_settled__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import precision_recall_curve, auc
from sklearn.model_selection import train_test_split

claims = pd.read_csv("motor_claims_first_notice.csv")
claims["fraud"] = claims["investigation_outcome"].eq("fraud_confirmed").astype(int)

cat_cols = ["policy_type", "vehicle_make", "incident_type", "region"]
num_cols = ["claimant_age", "policy_tenure_days", "claimed_amount", "days_to_report", "prior_claims", "settled_amount"]
X = claims[cat_cols + num_cols]
y = claims["fraud"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=31)

model = CatBoostClassifier(
    iterations=800,
    depth=6,
    learning_rate=0.05,
    auto_class_weights="Balanced",
    random_seed=31,
    verbose=0,
)
model.fit(X_train, y_train, cat_features=cat_cols)

proba = model.predict_proba(X_test)[:, 1]
precision, recall, _ = precision_recall_curve(y_test, proba)
print("PR-AUC on held-out claims:", round(auc(recall, precision), 4))
print(model.get_feature_importance(prettified=True).head(8))
