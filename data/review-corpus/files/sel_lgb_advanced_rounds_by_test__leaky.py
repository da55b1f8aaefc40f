# label: leakage/selection
# twin: sel_lgb_advanced_rounds_by_test__fixed.py
# source: adapted from LightGBM examples/python-guide/advanced_example.py (MIT, (c) Microsoft Corporation)
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

df_train = pd.read_csv("binary.train", header=None, sep="\t")
df_test = pd.read_csv("binary.test", header=None, sep="\t")
y_train, X_train = df_train[0], df_train.drop(0, axis=1)
y_test, X_test = df_test[0], df_test.drop(0, axis=1)

params = {"boosting_type": "gbdt", "objective": "binary", "num_leaves": 31,
          "learning_rate": 0.05, "feature_fraction": 0.9, "bagging_fraction": 0.8,
          "bagging_freq": 5, "seed": 7, "verbose": -1}
lgb_train = lgb.Dataset(X_train, y_train)
gbm = lgb.train(params, lgb_train, num_boost_round=500)

aucs = [roc_auc_score(y_test, gbm.predict(X_test, num_iteration=k)) for k in range(10, 501, 10)]
best_rounds = 10 * (int(np.argmax(aucs)) + 1)
gbm.save_model("model.txt", num_iteration=best_rounds)
print(f"{best_rounds} rounds, test AUC {max(aucs):.4f}")
