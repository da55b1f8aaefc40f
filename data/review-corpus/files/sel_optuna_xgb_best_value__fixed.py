# label: leakage/none
# twin: sel_optuna_xgb_best_value__leaky.py
# source: adapted from optuna-examples xgboost/xgboost_simple.py (MIT, (c) Preferred Networks, Inc.)
"""
Optuna example that optimizes a classifier configuration for cancer dataset using XGBoost.
"""

import numpy as np
import optuna
import sklearn.datasets
import sklearn.metrics
import xgboost as xgb
from sklearn.model_selection import train_test_split

(data, target) = sklearn.datasets.load_breast_cancer(return_X_y=True)
train_x, test_x, train_y, test_y = train_test_split(data, target, test_size=0.25, random_state=0)
fit_x, valid_x, fit_y, valid_y = train_test_split(train_x, train_y, test_size=0.25, random_state=0)
dtrain = xgb.DMatrix(fit_x, label=fit_y)
dvalid = xgb.DMatrix(valid_x, label=valid_y)


def objective(trial):
    param = {
        "verbosity": 0,
        "objective": "binary:logistic",
        # use exact for small dataset.
        "tree_method": "exact",
        # defines booster, gblinear for linear functions.
        "booster": trial.suggest_categorical("booster", ["gbtree", "gblinear", "dart"]),
        # L2 regularization weight.
        "lambda": trial.suggest_float("lambda", 1e-8, 1.0, log=True),
        # L1 regularization weight.
        "alpha": trial.suggest_float("alpha", 1e-8, 1.0, log=True),
        # sampling ratio for training data.
        "subsample": trial.suggest_float("subsample", 0.2, 1.0),
        # sampling according to each tree.
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.2, 1.0),
    }

    if param["booster"] in ["gbtree", "dart"]:
        param["max_depth"] = trial.suggest_int("max_depth", 3, 9, step=2)
        param["min_child_weight"] = trial.suggest_int("min_child_weight", 2, 10)
        param["eta"] = trial.suggest_float("eta", 1e-8, 1.0, log=True)
        param["gamma"] = trial.suggest_float("gamma", 1e-8, 1.0, log=True)
        param["grow_policy"] = trial.suggest_categorical("grow_policy", ["depthwise", "lossguide"])

    bst = xgb.train(param, dtrain)
    preds = bst.predict(dvalid)
    pred_labels = np.rint(preds)
    accuracy = sklearn.metrics.accuracy_score(valid_y, pred_labels)
    return accuracy


if __name__ == "__main__":
    study = optuna.create_study(direction="maximize")
    study.optimize(objective, n_trials=100, timeout=600)

    print("Number of finished trials: ", len(study.trials))
    trial = study.best_trial
    print("Validation accuracy: {}".format(trial.value))
    best = dict(trial.params, verbosity=0, objective="binary:logistic", tree_method="exact")
    final = xgb.train(best, xgb.DMatrix(train_x, label=train_y))
    test_pred = np.rint(final.predict(xgb.DMatrix(test_x)))
    print("Test accuracy of the tuned booster: {}".format(sklearn.metrics.accuracy_score(test_y, test_pred)))
    print("  Params: ")
    for key, value in trial.params.items():
        print("    {}: {}".format(key, value))
