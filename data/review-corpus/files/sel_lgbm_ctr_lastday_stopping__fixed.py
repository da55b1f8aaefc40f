# label: leakage/none
# twin: sel_lgbm_ctr_lastday_stopping__leaky.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

CAT_COLS = ["site_category_id", "app_category_id", "device_type", "banner_pos"]
NUM_COLS = ["hour_of_day", "user_ctr_7d", "site_ctr_7d", "impressions_24h"]

logs = pd.read_parquet("data/impressions_features.parquet")
logs["day"] = pd.to_datetime(logs["ts"]).dt.normalize()

last_day = logs["day"].max()
train = logs[logs["day"] < last_day - pd.Timedelta(days=1)]
valid = logs[logs["day"] == last_day - pd.Timedelta(days=1)]
test = logs[logs["day"] == last_day]

features = CAT_COLS + NUM_COLS
dtrain = lgb.Dataset(train[features], label=train["clicked"], categorical_feature=CAT_COLS)
dvalid = lgb.Dataset(valid[features], label=valid["clicked"], reference=dtrain)

params = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 63,
    "min_data_in_leaf": 200,
    "feature_fraction": 0.8,
    "metric": "binary_logloss",
    "verbose": -1,
}
booster = lgb.train(
    params,
    dtrain,
    num_boost_round=5000,
    valid_sets=[dvalid],
    valid_names=["valid"],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)

pred = booster.predict(test[features], num_iteration=booster.best_iteration)
print(f"best iteration: {booster.best_iteration}")
print(f"holdout logloss {log_loss(test['clicked'], pred):.4f}  AUC {roc_auc_score(test['clicked'], pred):.4f}")
booster.save_model("ctr_lgbm.txt")
