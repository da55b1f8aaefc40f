# label: leakage/none
# twin: tgt_helper_locals_shadow_module__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.datasets import load_iris
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import GridSearchCV, cross_val_score

iris = load_iris()
X = iris.data
y = iris.target


def make_data(n, err=1.0, rseed=1):
    # A toy curve: the label is computed from the helper's own X, not from the module's.
    rng = np.random.RandomState(rseed)
    X = rng.rand(n, 1) ** 2
    y = 10 - 1.0 / (X.ravel() + 0.1)
    if err > 0:
        y += err * rng.randn(n)
    return X, y


X, y = make_data(40)
grid = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0, 10.0]}, cv=7)
grid.fit(X, y)
print(grid.best_params_)

houses = pd.read_csv("houses.csv")
features = houses.drop(columns=["price"])
print(cross_val_score(LinearRegression(), features, houses["price"], cv=5).mean())
