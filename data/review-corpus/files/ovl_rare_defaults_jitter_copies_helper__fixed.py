# label: leakage/none
# twin: ovl_rare_defaults_jitter_copies_helper__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split


def add_jittered_defaults(apps, copies=4):
    """Defaults are rare: each defaulted application is repeated with a small jitter of the amount."""
    bad = apps[apps["defaulted"] == 1]
    jittered = []
    for k in range(copies):
        c = bad.copy()
        c["loan_amount"] = c["loan_amount"] * (1 + 0.01 * (k + 1))
        jittered.append(c)
    return pd.concat([apps, *jittered], ignore_index=True)


apps = pd.read_parquet("loan_applications.parquet")
features = ["loan_amount", "annual_income", "debt_to_income", "employment_years", "open_accounts", "applicant_age"]
train_apps, test_apps = train_test_split(apps, test_size=0.25, stratify=apps["defaulted"], random_state=12)
train_apps = add_jittered_defaults(train_apps)
model = GradientBoostingClassifier(random_state=12).fit(train_apps[features], train_apps["defaulted"])
print("average precision", average_precision_score(test_apps["defaulted"], model.predict_proba(test_apps[features])[:, 1]))
