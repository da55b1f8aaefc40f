# label: leakage/none
# twin: pre_sk_iterative_imputer_then_cv__leaky.py
# source: adapted from scikit-learn examples/impute/plot_iterative_imputer_variants_comparison.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import fetch_california_housing
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer
from sklearn.linear_model import BayesianRidge, RidgeCV
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

rng = np.random.RandomState(0)
X_full, y_full = fetch_california_housing(return_X_y=True)
X_full, y_full = X_full[::10], y_full[::10]
n_samples, n_features = X_full.shape

X_missing = X_full.copy()
missing_samples = np.arange(n_samples)
missing_features = rng.choice(n_features, n_samples, replace=True)
X_missing[missing_samples, missing_features] = np.nan

imputer = IterativeImputer(estimator=BayesianRidge(), max_iter=25, tol=1e-3, random_state=0)
model = make_pipeline(imputer, StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 13)))
scores = cross_val_score(model, X_missing, y_full, scoring="neg_mean_squared_error", cv=5)
print(f"MSE: {-scores.mean():.3f} +/- {scores.std():.3f}")
