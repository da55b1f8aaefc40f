# label: leakage/none
# twin: tgt_churn_cancellation_fee__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# one row per subscriber at the end of the quarter; churned = cancelled during the quarter
customers = pd.read_csv("subscriptions_q3.csv")
numeric = ["tenure_months", "monthly_fee", "support_tickets", "logins_last_30d", "discount_pct"]
categorical = ["plan", "payment_method", "region"]

X_train, X_test, y_train, y_test = train_test_split(
    customers[numeric + categorical], customers["churned"], test_size=0.25, stratify=customers["churned"], random_state=5
)
model = make_pipeline(
    make_column_transformer((StandardScaler(), numeric), (OneHotEncoder(handle_unknown="ignore"), categorical)),
    LogisticRegression(max_iter=1000),
)
model.fit(X_train, y_train)
print(f"test ROC AUC: {roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]):.3f}")
