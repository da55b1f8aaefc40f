# label: leakage/none
# twin: sel_xgb_native__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

clicks = pd.read_csv("ad_clicks.csv")
target = clicks.pop("clicked")
train_x, test_x, train_y, test_y = train_test_split(clicks, target, test_size=0.2, random_state=11)
fit_x, valid_x, fit_y, valid_y = train_test_split(train_x, train_y, test_size=0.2, random_state=11)

dtrain = xgb.DMatrix(fit_x, label=fit_y)
dvalid = xgb.DMatrix(valid_x, label=valid_y)
dtest = xgb.DMatrix(test_x, label=test_y)
params = {"objective": "binary:logistic", "eval_metric": "auc", "eta": 0.05, "max_depth": 6, "seed": 11}
booster = xgb.train(
    params,
    dtrain,
    num_boost_round=5000,
    evals=[(dtrain, "train"), (dvalid, "valid")],
    early_stopping_rounds=100,
    verbose_eval=200,
)

pred = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
print("test AUC:", roc_auc_score(test_y, pred))
