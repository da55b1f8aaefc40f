# label: leakage/none
# twin: pre_xgb_dmatrix_minmax_numpy_stack__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0), in the style of XGBoost demo/guide-python/basic_walkthrough.py
import xgboost as xgb
from sklearn.datasets import fetch_covtype
from sklearn.model_selection import train_test_split

X, y = fetch_covtype(return_X_y=True)
y = y - 1
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=94)

# scale the ten continuous columns to [0, 1] with the training range
cont = slice(0, 10)
lo, hi = X_train[:, cont].min(axis=0), X_train[:, cont].max(axis=0)
X_train[:, cont] = (X_train[:, cont] - lo) / (hi - lo)
X_test[:, cont] = (X_test[:, cont] - lo) / (hi - lo)

dtrain = xgb.DMatrix(X_train, label=y_train)
dtest = xgb.DMatrix(X_test, label=y_test)
params = {"objective": "multi:softmax", "num_class": 7, "max_depth": 8, "eta": 0.3, "tree_method": "hist", "seed": 94}
bst = xgb.train(params, dtrain, num_boost_round=200)
print("test error", float((bst.predict(dtest) != y_test).mean()))
