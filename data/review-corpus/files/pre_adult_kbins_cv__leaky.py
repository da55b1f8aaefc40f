# label: leakage/preprocessing
# twin: pre_adult_kbins_cv__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
from sklearn.datasets import fetch_openml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_validate
from sklearn.preprocessing import KBinsDiscretizer

adult = fetch_openml("adult", version=2, as_frame=True)
numeric = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"]
X = adult.data[numeric]
y = (adult.target == ">50K").astype(int)

# quantile bins let a linear model fit non-linear effects
binner = KBinsDiscretizer(n_bins=10, encode="onehot", strategy="quantile", subsample=None)
X_binned = binner.fit_transform(X)

scores = cross_validate(LogisticRegression(max_iter=2000), X_binned, y, cv=5, scoring=["roc_auc", "accuracy"])
print(f"ROC AUC {scores['test_roc_auc'].mean():.3f}, accuracy {scores['test_accuracy'].mean():.3f}")
