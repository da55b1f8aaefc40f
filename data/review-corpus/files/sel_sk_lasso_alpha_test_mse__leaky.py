# label: leakage/selection
# twin: sel_sk_lasso_alpha_test_mse__fixed.py
# source: adapted from scikit-learn examples/linear_model/plot_lasso_model_selection.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_diabetes(return_X_y=True, as_frame=True)
rng = np.random.RandomState(42)
n_random_features = 14
X_random = rng.randn(X.shape[0], n_random_features)
for k in range(n_random_features):
    X[f"random_{k:02d}"] = X_random[:, k]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

alphas = np.logspace(-3, 1, 40)
test_mse = []
for alpha in alphas:
    model = make_pipeline(StandardScaler(), Lasso(alpha=alpha, max_iter=10_000))
    model.fit(X_train, y_train)
    test_mse.append(mean_squared_error(y_test, model.predict(X_test)))

best_alpha = alphas[int(np.argmin(test_mse))]
final = make_pipeline(StandardScaler(), Lasso(alpha=best_alpha, max_iter=10_000)).fit(X_train, y_train)
print(f"alpha={best_alpha:.4f}  test MSE={mean_squared_error(y_test, final.predict(X_test)):.1f}")
