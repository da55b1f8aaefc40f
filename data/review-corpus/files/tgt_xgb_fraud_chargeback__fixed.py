# label: leakage/none
# twin: tgt_xgb_fraud_chargeback__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score

# card transactions; is_fraud is confirmed by the bank's investigators weeks later
tx = pd.read_parquet("card_transactions.parquet").sort_values("event_time")
features = [
    "amount", "merchant_category", "card_present", "hour", "distance_from_home_km",
    "n_tx_last_24h", "is_foreign_merchant",
]
cut = int(len(tx) * 0.8)
train, test = tx.iloc[:cut], tx.iloc[cut:]

dtrain = xgb.DMatrix(train[features], label=train["is_fraud"])
dtest = xgb.DMatrix(test[features], label=test["is_fraud"])
params = {"objective": "binary:logistic", "eval_metric": "aucpr", "max_depth": 6, "eta": 0.1, "seed": 0}
booster = xgb.train(params, dtrain, num_boost_round=300)
print(f"test average precision: {average_precision_score(test['is_fraud'], booster.predict(dtest)):.3f}")
