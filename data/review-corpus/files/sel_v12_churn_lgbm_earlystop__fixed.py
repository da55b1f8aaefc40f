# label: leakage/none
# twin: sel_v12_churn_lgbm_earlystop__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

df = pd.read_parquet("data/telco_churn.parquet")
y = df.pop("churned").astype(int)
X = df.drop(columns=["customer_id"]).select_dtypes("number")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=7
)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.2, stratify=y_train, random_state=7
)

params = {
    "objective": "binary",
    "learning_rate": 0.03,
    "num_leaves": 63,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "verbose": -1,
}
dtrain = lgb.Dataset(X_fit, y_fit)
dvalid = lgb.Dataset(X_val, y_val, reference=dtrain)
booster = lgb.train(
    params,
    dtrain,
    num_boost_round=5000,
    valid_sets=[dvalid],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)

proba = booster.predict(X_test, num_iteration=booster.best_iteration)
print("best iteration:", booster.best_iteration)
print(f"test AUC: {roc_auc_score(y_test, proba):.4f}")
