# label: leakage/target
# twin: tgt_saas_churn__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, f1_score

accounts = pd.read_csv("billing/saas_accounts_2024q4.csv")
accounts["cancellation_reason"] = accounts["cancellation_reason"].fillna("none")
accounts["seats_utilisation"] = accounts["active_seats"] / accounts["purchased_seats"].clip(lower=1)

cat_features = ["plan_tier", "billing_cycle", "acquisition_channel", "industry", "cancellation_reason"]
num_features = ["tenure_months", "mrr_usd", "purchased_seats", "seats_utilisation",
                "logins_last_30d", "support_tickets_90d", "nps_last_survey", "integrations_enabled"]
features = cat_features + num_features

train, test = train_test_split(
    accounts, test_size=0.2, stratify=accounts["churned"], random_state=31
)
train_pool = Pool(train[features], train["churned"], cat_features=cat_features)
test_pool = Pool(test[features], test["churned"], cat_features=cat_features)

model = CatBoostClassifier(
    iterations=1200, learning_rate=0.05, depth=6,
    loss_function="Logloss", auto_class_weights="Balanced",
    random_seed=31, verbose=200,
)
model.fit(train_pool)

proba = model.predict_proba(test_pool)[:, 1]
print(f"test AUC: {roc_auc_score(test['churned'], proba):.4f}")
print(f"test F1@0.5: {f1_score(test['churned'], proba >= 0.5):.4f}")
print(model.get_feature_importance(prettified=True).head(10))
