# label: leakage/none
# twin: sel_optuna_test__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import optuna
from sklearn.datasets import fetch_california_housing
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import r2_score
from sklearn.model_selection import cross_val_score, train_test_split

X, y = fetch_california_housing(return_X_y=True, as_frame=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=5)


def objective(trial):
    model = HistGradientBoostingRegressor(
        learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        max_leaf_nodes=trial.suggest_int("max_leaf_nodes", 8, 128, log=True),
        l2_regularization=trial.suggest_float("l2_regularization", 1e-6, 10.0, log=True),
        random_state=5,
    )
    return cross_val_score(model, X_train, y_train, cv=5, scoring="r2").mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=5))
study.optimize(objective, n_trials=100)
best = HistGradientBoostingRegressor(**study.best_params, random_state=5).fit(X_train, y_train)
print("best params:", study.best_params)
print("test R^2:", r2_score(y_test, best.predict(X_test)))
