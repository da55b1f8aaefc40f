# label: leakage/overlap
# twin: ovl_policy_lapse__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, roc_auc_score
from xgboost import XGBClassifier

policies = pd.read_csv("actuarial/life_policies_inforce_2021.csv")

features = [
    "issue_age", "sum_assured", "annual_premium", "premium_to_income",
    "policy_duration_years", "n_riders", "payment_frequency_months",
    "missed_payments_12m", "agent_tenure_years", "bmi",
]
X = policies[features].fillna(0)
y = policies["lapsed_next_year"]

X_res, y_res = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=3).fit_resample(X, y)

X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.2, stratify=y_res, random_state=3
)

model = XGBClassifier(
    n_estimators=600,
    max_depth=5,
    learning_rate=0.05,
    subsample=0.8,
    colsample_bytree=0.8,
    eval_metric="logloss",
    random_state=3,
)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
