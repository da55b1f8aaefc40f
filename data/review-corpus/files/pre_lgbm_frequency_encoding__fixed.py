# label: leakage/none
# twin: pre_lgbm_frequency_encoding__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

tx = pd.read_parquet("card_transactions.parquet")
high_card = ["merchant_id", "card_bin", "device_type", "ip_country"]
features = ["amount", "hour"] + [f"{c}_freq" for c in high_card]
train, valid = train_test_split(tx, test_size=0.2, stratify=tx["is_fraud"], random_state=3)
train, valid = train.copy(), valid.copy()
for col in high_card:
    freq = train[col].value_counts(normalize=True)
    train[f"{col}_freq"] = train[col].map(freq)
    valid[f"{col}_freq"] = valid[col].map(freq).fillna(0.0)

model = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=63)
model.fit(train[features], train["is_fraud"])
print("AUC:", roc_auc_score(valid["is_fraud"], model.predict_proba(valid[features])[:, 1]))
