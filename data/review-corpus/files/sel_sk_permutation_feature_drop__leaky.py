# label: leakage/selection
# twin: sel_sk_permutation_feature_drop__fixed.py
# source: adapted from scikit-learn examples/inspection/plot_permutation_importance.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.datasets import fetch_openml
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

# %%
X, y = fetch_openml("titanic", version=1, as_frame=True, return_X_y=True)
rng = np.random.RandomState(seed=42)
X["random_cat"] = rng.randint(3, size=X.shape[0])
X["random_num"] = rng.randn(X.shape[0])

categorical_columns = ["pclass", "sex", "embarked", "random_cat"]
numerical_columns = ["age", "sibsp", "parch", "fare", "random_num"]
X = X[categorical_columns + numerical_columns]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=42)


# %%
def make_forest(cat_cols, num_cols):
    preprocessing = ColumnTransformer(
        [
            ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
            ("num", SimpleImputer(strategy="mean"), num_cols),
        ]
    )
    return Pipeline([("preprocess", preprocessing), ("classifier", RandomForestClassifier(random_state=42))])


rf = make_forest(categorical_columns, numerical_columns).fit(X_train, y_train)
print("RF train accuracy: %0.3f" % rf.score(X_train, y_train))

# %%
# Keep only the features whose permutation lowers the accuracy, then refit.
result = permutation_importance(rf, X_test, y_test, n_repeats=10, random_state=42, n_jobs=2)
keep = [c for c, imp in zip(X_test.columns, result.importances_mean) if imp > 0]
rf_small = make_forest([c for c in categorical_columns if c in keep], [c for c in numerical_columns if c in keep])
rf_small.fit(X_train[keep], y_train)
print("kept:", keep)
print("RF test accuracy (kept features): %0.3f" % rf_small.score(X_test[keep], y_test))
