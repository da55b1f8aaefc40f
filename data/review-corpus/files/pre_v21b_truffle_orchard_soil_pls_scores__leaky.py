# label: leakage/preprocessing
"""Black-truffle harvest per host tree from soil mid-infrared spectra plus orchard records.

The 1,700-band spectra are compressed to PLS scores, which then go into a random
forest alongside tree age, host species and irrigation.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from scipy.signal import savgol_filter
from sklearn.cross_decomposition import PLSRegression
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

SPECTRA = "data/truffle_soil_mir.parquet"
TREES = "data/truffle_trees.csv"
N_COMPONENTS = 10
HOSTS = ["Quercus ilex", "Quercus pubescens", "Corylus avellana", "Quercus robur"]


def load_spectra(path):
    spec = pd.read_parquet(path).set_index("tree_id")
    wavenumbers = spec.columns.astype(float)
    keep = (wavenumbers >= 600) & (wavenumbers <= 4000)
    return spec.loc[:, keep]


def snv(block):
    arr = np.asarray(block, dtype=float)
    arr = savgol_filter(arr, window_length=15, polyorder=2, deriv=1, axis=1)
    return (arr - arr.mean(axis=1, keepdims=True)) / arr.std(axis=1, keepdims=True)


def tree_table(path):
    trees = pd.read_csv(path).set_index("tree_id")
    trees["log_harvest"] = np.log1p(trees["harvest_g_per_tree"])
    trees["host_code"] = pd.Categorical(trees["host_species"], categories=HOSTS).codes
    trees["irrigated"] = trees["irrigation"].eq("drip").astype(int)
    return trees


spectra = load_spectra(SPECTRA)
trees = tree_table(TREES)
common = trees.index.intersection(spectra.index)
trees, spectra = trees.loc[common], spectra.loc[common]
print(f"{len(common)} trees with spectra, {spectra.shape[1]} bands")

S = snv(spectra.values)
y = trees["log_harvest"].to_numpy()

pls = PLSRegression(n_components=N_COMPONENTS, scale=False)
pls.fit(S, y)
scores = pd.DataFrame(pls.transform(S), index=common, columns=[f"pls_{i+1}" for i in range(N_COMPONENTS)])

orchard_cols = ["tree_age_years", "host_code", "irrigated", "soil_ph", "active_lime_pct", "canopy_diam_m", "brule_diam_m"]
X = pd.concat([trees[orchard_cols], scores], axis=1)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=17)

forest = RandomForestRegressor(n_estimators=800, min_samples_leaf=3, max_features=0.5, n_jobs=-1, random_state=17)
forest.fit(X_train, y_train)
pred = forest.predict(X_test)

print(f"test R2 (log grams):  {r2_score(y_test, pred):.3f}")
print(f"test MAE (grams):     {mean_absolute_error(np.expm1(y_test), np.expm1(pred)):.1f}")

imp = pd.Series(forest.feature_importances_, index=X.columns).sort_values(ascending=False)
print(imp.round(3).head(10))

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].scatter(np.expm1(y_test), np.expm1(pred), s=12, alpha=0.6)
axes[0].set_xlabel("harvest g/tree")
axes[0].set_ylabel("predicted")
axes[1].plot(spectra.columns.astype(float), pls.x_loadings_[:, :3])
axes[1].invert_xaxis()
axes[1].set_xlabel("wavenumber (cm-1)")
axes[1].set_title("PLS loadings 1-3")
fig.tight_layout()
fig.savefig("truffle_pls_rf.png", dpi=120)
