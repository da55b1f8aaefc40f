# label: leakage/none
# twin: pre_knn_imputer_cv__leaky.py
# source: hand-written for ai-ci held-out v2 after scikit-learn examples/impute/plot_missing_values.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import fetch_california_housing
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import KNNImputer
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

rng = np.random.RandomState(42)
X_full, y_full = fetch_california_housing(return_X_y=True)
X_full, y_full = X_full[::3], y_full[::3]

n_samples, n_features = X_full.shape
missing_mask = rng.binomial(1, 0.25, size=X_full.shape).astype(bool)
X_missing = X_full.copy()
X_missing[missing_mask] = np.nan

regressor = RandomForestRegressor(random_state=0, n_estimators=100)
estimator = make_pipeline(KNNImputer(missing_values=np.nan, n_neighbors=5), regressor)
scores = cross_val_score(estimator, X_missing, y_full, scoring="neg_mean_squared_error", cv=5)
print("KNN imputation MSE: %.3f +/- %.3f" % (-scores.mean(), scores.std()))
