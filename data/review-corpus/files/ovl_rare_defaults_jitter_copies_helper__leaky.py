# label: leakage/overlap
# twin: ovl_rare_defaults_jitter_copies_helper__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split


def build_training_table(path, copies=4):
    """Defaults are rare: each defaulted application is repeated with a small jitter of the amount."""
    apps = pd.read_parquet(path)
    bad = apps[apps["defaulted"] == 1]
    jittered = []
    for k in range(copies):
        c = bad.copy()
        c["loan_amount"] = c["loan_amount"] * (1 + 0.01 * (k + 1))
        jittered.append(c)
    return pd.concat([apps, *jittered], ignore_index=True)


table = build_training_table("loan_applications.parquet")
features = ["loan_amount", "annual_income", "debt_to_income", "employment_years", "open_accounts", "applicant_age"]
X_train, X_test, y_train, y_test = train_test_split(
    table[features], table["defaulted"], test_size=0.25, stratify=table["defaulted"], random_state=12
)
model = GradientBoostingClassifier(random_state=12).fit(X_train, y_train)
print("average precision", average_precision_score(y_test, model.predict_proba(X_test)[:, 1]))
