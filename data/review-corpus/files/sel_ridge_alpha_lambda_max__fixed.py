# label: leakage/none
# twin: sel_ridge_alpha_lambda_max__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import cross_val_score, train_test_split

energy = pd.read_csv("data/energy_efficiency.csv")
features = [c for c in energy.columns if c.startswith("X")]
X_tr, X_te, y_tr, y_te = train_test_split(energy[features], energy["Y1"], test_size=0.25, random_state=7)


def holdout_r2(alpha):
    model = Ridge(alpha=alpha).fit(X_tr, y_tr)
    return r2_score(y_te, model.predict(X_te))


def cv_r2(alpha):
    return cross_val_score(Ridge(alpha=alpha), X_tr, y_tr, cv=5, scoring="r2").mean()


grid = np.logspace(-3, 3, 25)
best_alpha = max(grid, key=lambda a: cv_r2(a))
print(f"heating load: alpha={best_alpha:.4g}, held-out R^2={holdout_r2(best_alpha):.3f}")
