# label: leakage/selection
# twin: sel_sk_gbr_staged_best_iter__fixed.py
# source: adapted from scikit-learn examples/ensemble/plot_gradient_boosting_regression.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn import datasets, ensemble
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

# %%
# Load the data
diabetes = datasets.load_diabetes()
X, y = diabetes.data, diabetes.target

# %%
# Data preprocessing: 90% for training, the rest for testing
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.1, random_state=13)

params = {
    "n_estimators": 500,
    "max_depth": 4,
    "min_samples_split": 5,
    "learning_rate": 0.01,
    "loss": "squared_error",
}

# %%
# Fit regression model
reg = ensemble.GradientBoostingRegressor(**params)
reg.fit(X_train, y_train)

# %%
# Deviance at every boosting iteration, and the number of trees where it is lowest
test_score = np.zeros((params["n_estimators"],), dtype=np.float64)
for i, y_pred in enumerate(reg.staged_predict(X_test)):
    test_score[i] = mean_squared_error(y_test, y_pred)

best_n = int(np.argmin(test_score)) + 1
reg_best = ensemble.GradientBoostingRegressor(**{**params, "n_estimators": best_n})
reg_best.fit(X_train, y_train)
mse = mean_squared_error(y_test, reg_best.predict(X_test))
print("Best number of trees: {}".format(best_n))
print("The mean squared error (MSE) on test set: {:.4f}".format(mse))
