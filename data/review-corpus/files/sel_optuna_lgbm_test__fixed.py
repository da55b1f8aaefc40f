# label: leakage/none
# twin: sel_optuna_lgbm_test__leaky.py
# source: adapted from optuna-examples lightgbm/lightgbm_simple.py (MIT, (c) Preferred Networks, Inc.)
import lightgbm as lgb
import numpy as np
import optuna
import sklearn.datasets
import sklearn.metrics
from sklearn.model_selection import train_test_split

BASE = {"objective": "binary", "metric": "binary_logloss", "verbosity": -1, "boosting_type": "gbdt", "seed": 0}

data, target = sklearn.datasets.load_breast_cancer(return_X_y=True)
train_x, test_x, train_y, test_y = train_test_split(data, target, test_size=0.25, random_state=0)
fit_x, valid_x, fit_y, valid_y = train_test_split(train_x, train_y, test_size=0.25, random_state=0)
dfit = lgb.Dataset(fit_x, label=fit_y)


def objective(trial):
    param = {
        **BASE,
        "lambda_l1": trial.suggest_float("lambda_l1", 1e-8, 10.0, log=True),
        "lambda_l2": trial.suggest_float("lambda_l2", 1e-8, 10.0, log=True),
        "num_leaves": trial.suggest_int("num_leaves", 2, 256),
        "feature_fraction": trial.suggest_float("feature_fraction", 0.4, 1.0),
        "bagging_fraction": trial.suggest_float("bagging_fraction", 0.4, 1.0),
        "bagging_freq": trial.suggest_int("bagging_freq", 1, 7),
        "min_child_samples": trial.suggest_int("min_child_samples", 5, 100),
    }
    gbm = lgb.train(param, dfit)
    preds = gbm.predict(valid_x)
    return sklearn.metrics.accuracy_score(valid_y, np.rint(preds))


if __name__ == "__main__":
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
    study.optimize(objective, n_trials=100)

    print("Number of finished trials: {}".format(len(study.trials)))
    trial = study.best_trial
    final = lgb.train({**BASE, **trial.params}, lgb.Dataset(train_x, label=train_y))
    test_accuracy = sklearn.metrics.accuracy_score(test_y, np.rint(final.predict(test_x)))
    print("  Test accuracy: {}".format(test_accuracy))
    print("  Params: ")
    for key, value in trial.params.items():
        print("    {}: {}".format(key, value))
