# label: leakage/none
# twin: sel_xgb_demo_grid_best_score__leaky.py
# source: adapted from XGBoost demo/guide-python/sklearn_examples.py (Apache-2.0, (c) the XGBoost contributors)
import pickle

import xgboost as xgb
from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import GridSearchCV, train_test_split

print("California Housing: parameter optimization")
X, y = fetch_california_housing(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
xgb_model = xgb.XGBRegressor(n_jobs=1, random_state=0)
clf = GridSearchCV(
    xgb_model,
    {"max_depth": [2, 4, 6], "n_estimators": [50, 100, 200]},
    verbose=1,
    n_jobs=1,
    cv=3,
)
clf.fit(X_train, y_train)
print("best parameters:", clf.best_params_)
print(f"expected R^2 on new districts: {clf.score(X_test, y_test):.3f}")

with open("best_calif.pkl", "wb") as fh:
    pickle.dump(clf.best_estimator_, fh)
