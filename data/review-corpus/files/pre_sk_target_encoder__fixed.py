# label: leakage/none
# twin: pre_sk_target_encoder__leaky.py
# source: adapted from scikit-learn examples/preprocessing/plot_target_encoder_cross_val.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import KBinsDiscretizer, TargetEncoder

n_samples = 50_000
rng = np.random.RandomState(42)
y = rng.randn(n_samples)
noise = 0.5 * rng.randn(n_samples)
n_categories = 100

kbins = KBinsDiscretizer(n_bins=n_categories, encode="ordinal", strategy="uniform", random_state=rng)
X_informative = kbins.fit_transform((y + noise).reshape(-1, 1))
permuted_categories = rng.permutation(n_categories)
X_informative = permuted_categories[X_informative.astype(np.int32)]
X_shuffled = rng.permutation(X_informative)
X_near_unique_categories = rng.choice(int(0.9 * n_samples), size=n_samples, replace=True).reshape(-1, 1)

X = pd.DataFrame(
    np.concatenate([X_informative, X_shuffled, X_near_unique_categories], axis=1),
    columns=["informative", "shuffled", "near_unique"],
)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)

ridge = Ridge(alpha=1e-6, solver="lsqr", fit_intercept=False)
model_with_cv = make_pipeline(TargetEncoder(random_state=0), ridge)
model_with_cv.fit(X_train, y_train)
print("Model score on test set: ", model_with_cv.score(X_test, y_test))
