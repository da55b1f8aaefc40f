# label: leakage/selection
# twin: sel_lgb_simple_example_test_es__fixed.py
# source: adapted from LightGBM examples/python-guide/simple_example.py (MIT, (c) Microsoft Corporation)
import json

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_squared_error

# load or create your dataset
df_train = pd.read_csv("regression/regression.train", header=None, sep="\t")
df_test = pd.read_csv("regression/regression.test", header=None, sep="\t")

y_train = df_train[0]
y_test = df_test[0]
X_train = df_train.drop(0, axis=1)
X_test = df_test.drop(0, axis=1)

# create dataset for lightgbm
lgb_train = lgb.Dataset(X_train, y_train)
lgb_eval = lgb.Dataset(X_test, y_test, reference=lgb_train)

# specify your configurations as a dict
params = {
    "boosting_type": "gbdt",
    "objective": "regression",
    "metric": {"l2", "l1"},
    "num_leaves": 31,
    "learning_rate": 0.05,
    "feature_fraction": 0.9,
    "bagging_fraction": 0.8,
    "bagging_freq": 5,
    "verbose": 0,
}

print("Starting training...")
gbm = lgb.train(
    params,
    lgb_train,
    num_boost_round=200,
    valid_sets=lgb_eval,
    callbacks=[lgb.early_stopping(stopping_rounds=5)],
)

print("Saving model...")
gbm.save_model("model.txt")

print("Starting predicting...")
y_pred = gbm.predict(X_test, num_iteration=gbm.best_iteration)
rmse_test = mean_squared_error(y_test, y_pred) ** 0.5
print(f"The RMSE of prediction is: {rmse_test}")

with open("model.json", "w+") as f:
    json.dump(gbm.dump_model(), f, indent=4)
