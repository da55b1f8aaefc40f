# label: leakage/selection
# twin: sel_lgb_train__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
import lightgbm as lgb
df = pd.read_parquet("loans.parquet")
train, test = train_test_split(df, test_size=0.25, random_state=11)
dtrain = lgb.Dataset(train.drop(columns=["default"]), train["default"])
dtest = lgb.Dataset(test.drop(columns=["default"]), test["default"])
booster = lgb.train({"objective": "binary"}, dtrain, valid_sets=[dtest], callbacks=[lgb.early_stopping(30)])
print(roc_auc_score(test["default"], booster.predict(test.drop(columns=["default"]))))
