# label: leakage/none
# twin: sel_lgb_advanced_rounds_by_test__leaky.py
# source: adapted from LightGBM examples/python-guide/advanced_example.py (MIT, (c) Microsoft Corporation)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

df_train = pd.read_csv("binary.train", header=None, sep="\t")
df_test = pd.read_csv("binary.test", header=None, sep="\t")
y_full, X_full = df_train[0], df_train.drop(0, axis=1)
y_test, X_test = df_test[0], df_test.drop(0, axis=1)
X_train, X_valid, y_train, y_valid = train_test_split(X_full, y_full, test_size=0.2, random_state=7, stratify=y_full)

params = {"boosting_type": "gbdt", "objective": "binary", "metric": "auc", "num_leaves": 31,
          "learning_rate": 0.05, "feature_fraction": 0.9, "bagging_fraction": 0.8,
          "bagging_freq": 5, "seed": 7, "verbose": -1}
lgb_train = lgb.Dataset(X_train, y_train)
lgb_valid = lgb.Dataset(X_valid, y_valid, reference=lgb_train)
gbm = lgb.train(params, lgb_train, num_boost_round=500, valid_sets=[lgb_valid],
                callbacks=[lgb.early_stopping(stopping_rounds=20)])

best_rounds = gbm.best_iteration
gbm.save_model("model.txt", num_iteration=best_rounds)
print(f"{best_rounds} rounds, test AUC {roc_auc_score(y_test, gbm.predict(X_test, num_iteration=best_rounds)):.4f}")
