# label: leakage/none
"""Yield strength prediction for HSLA coils from the hot strip mill.

Coil-level process data (finishing and coiling temperatures, reductions,
run-out table cooling) are joined to the ladle chemistry of the heat and to
the tensile results from the mechanical test lab.
"""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectPercentile, f_regression
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

CHEMISTRY = ["c_pct", "mn_pct", "si_pct", "p_pct", "s_pct", "nb_pct", "ti_pct", "v_pct", "n_ppm"]
PROCESS = [
    "slab_reheat_c", "rougher_exit_c", "finish_entry_c", "finish_exit_c", "coiling_c",
    "final_thickness_mm", "total_reduction_pct", "last_stand_reduction_pct",
    "rot_cooling_rate_cps", "speed_mps",
]


def load(path_coils, path_chem, path_tensile):
    coils = pd.read_csv(path_coils)
    chem = pd.read_csv(path_chem)
    tensile = pd.read_csv(path_tensile)
    tensile = tensile[tensile["position"] == "tail"].groupby("coil_id", as_index=False)["rp02_mpa"].mean()
    df = coils.merge(chem, on="heat_id", how="left").merge(tensile, on="coil_id", how="inner")
    df["ceq"] = df["c_pct"] + df["mn_pct"] / 6 + (df["nb_pct"] + df["v_pct"] + df["ti_pct"]) / 5
    df["microalloy_pct"] = df["nb_pct"] + df["ti_pct"] + df["v_pct"]
    df["finish_to_coil_drop_c"] = df["finish_exit_c"] - df["coiling_c"]
    return df.dropna(subset=CHEMISTRY + PROCESS + ["rp02_mpa"])


df = load("data/hsm_coils.csv", "data/ladle_chemistry.csv", "data/tensile_results.csv")
feature_cols = CHEMISTRY + PROCESS + ["ceq", "microalloy_pct", "finish_to_coil_drop_c"]
X = df[feature_cols].to_numpy()
y = df["rp02_mpa"].to_numpy()
heats = df["heat_id"].to_numpy()
print(f"{len(df)} coils from {df['heat_id'].nunique()} heats")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
train_idx, test_idx = next(splitter.split(X, y, groups=heats))
y_train, y_test = y[train_idx], y[test_idx]

# quadratic and interaction terms, then keep the most informative fifth
poly = PolynomialFeatures(degree=2, include_bias=False)
scaler = StandardScaler()
selector = SelectPercentile(f_regression, percentile=20)
X_train = selector.fit_transform(scaler.fit_transform(poly.fit_transform(X[train_idx])), y_train)
X_test = selector.transform(scaler.transform(poly.transform(X[test_idx])))
names = poly.get_feature_names_out(feature_cols)[selector.get_support()]
print(f"{X_train.shape[1]} design terms kept")

model = RidgeCV(alphas=np.logspace(-3, 3, 25))
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"alpha = {model.alpha_:.4g}")
print(f"test MAE {mean_absolute_error(y_test, pred):.1f} MPa, R2 {r2_score(y_test, pred):.3f}")
within_spec = np.mean(np.abs(y_test - pred) <= 25)
print(f"share of coils within +/-25 MPa: {within_spec:.1%}")

coefs = pd.Series(model.coef_, index=names).sort_values(key=np.abs, ascending=False)
print(coefs.head(12).round(2).to_string())
