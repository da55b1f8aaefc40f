# label: leakage/none
# twin: sel_ad_clicks__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score, log_loss

train = pd.read_parquet("data/impressions_weeks_01_10.parquet")
test = pd.read_parquet("data/impressions_week_11.parquet")
last_week = train["week"].max()
valid = train[train["week"] == last_week].copy()
train = train[train["week"] < last_week].copy()

cat_cols = ["site_id", "app_category", "device_type", "banner_pos"]
num_cols = ["hour", "user_ctr_7d", "ad_ctr_7d", "slot_width", "slot_height"]
features = cat_cols + num_cols

for c in cat_cols:
    train[c] = train[c].astype("category")
    valid[c] = pd.Categorical(valid[c], categories=train[c].cat.categories)
    test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)

dtrain = lgb.Dataset(train[features], label=train["clicked"])
dvalid = lgb.Dataset(valid[features], label=valid["clicked"], reference=dtrain)

params = {"objective": "binary", "learning_rate": 0.03, "num_leaves": 63,
          "min_data_in_leaf": 200, "feature_fraction": 0.8, "verbose": -1}
booster = lgb.train(params, dtrain, num_boost_round=5000, valid_sets=[dvalid],
                    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])

p = booster.predict(test[features], num_iteration=booster.best_iteration)
print(f"week 11  AUC={roc_auc_score(test['clicked'], p):.4f}  logloss={log_loss(test['clicked'], p):.4f}")
