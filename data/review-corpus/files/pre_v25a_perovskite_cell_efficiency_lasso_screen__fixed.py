# label: leakage/none
"""Predict power-conversion efficiency of perovskite solar cells from composition and process descriptors."""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import LassoCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cells = pd.read_csv("perovskite_devices.csv")
cells = cells.dropna(subset=["pce_pct", "paper_doi"])
cells = cells[(cells["pce_pct"] > 0.5) & (cells["pce_pct"] < 27)]

# composition fractions on the A, B and X sites
for site in ["A", "B", "X"]:
    frac_cols = [c for c in cells.columns if c.startswith(f"{site}_frac_")]
    cells[frac_cols] = cells[frac_cols].fillna(0)
    cells[f"{site}_entropy"] = -(cells[frac_cols] * np.log(cells[frac_cols].clip(lower=1e-9))).sum(axis=1)

process = pd.get_dummies(cells[["deposition", "htl", "etl", "antisolvent"]].fillna("none"),
                         dtype=float)
comp_cols = [c for c in cells.columns if "_frac_" in c or c.endswith("_entropy")]
proc_cols = ["anneal_temp_c", "anneal_min", "absorber_thickness_nm", "bandgap_ev", "spin_rpm",
             "additive_mol_pct", "humidity_pct_fab"]
numeric = cells[comp_cols + proc_cols].fillna(0.0)
X = pd.concat([numeric, process], axis=1)
y = cells["pce_pct"].to_numpy()
groups = cells["paper_doi"].to_numpy()
print("descriptors:", X.shape[1])

# whole papers go to one side so lab-specific recipes are not shared
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=4)
tr, te = next(gss.split(X, y, groups))
X_train, X_test, y_train, y_test = X.iloc[tr], X.iloc[te], y[tr], y[te]

# screen descriptors with an L1 model before the tree model
screen = make_pipeline(StandardScaler(), SelectFromModel(LassoCV(cv=5, n_alphas=50, random_state=0)))
screen.fit(X_train, y_train)
kept = X.columns[screen[-1].get_support()]
X_train, X_test = X_train[kept], X_test[kept]
print("kept descriptors:", len(kept))

gbr = GradientBoostingRegressor(n_estimators=600, learning_rate=0.03, max_depth=4,
                                subsample=0.8, random_state=4)
gbr.fit(X_train, y_train)
pred = gbr.predict(X_test)
print(f"test MAE = {mean_absolute_error(y_test, pred):.3f} %abs")
print(f"test R2  = {r2_score(y_test, pred):.3f}")
top = pd.Series(gbr.feature_importances_, index=kept).nlargest(10)
print(top.round(4))
