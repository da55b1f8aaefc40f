# label: leakage/none
"""Night-time air temperature excess across the city's 100 m grid.

The response is the mean summer-night temperature anomaly (deg C above the
rural reference station) recorded by citizen weather stations, averaged over
the stations inside each grid cell. Predictors are Landsat surface
reflectance bands, land-surface temperature and land-cover fractions for each
cell. The spectral block is strongly collinear, so it is compressed to
principal components before OLS.
Performance is reported on a set of held-out wards.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.decomposition import PCA
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

BANDS = ["b1_coastal", "b2_blue", "b3_green", "b4_red", "b5_nir", "b6_swir1", "b7_swir2",
         "b10_tir", "ndvi", "ndbi", "albedo", "lst_day_c"]
COVER = ["frac_impervious", "frac_tree", "frac_grass", "frac_water"]
CONTROLS = ["elev_m", "dist_centre_km", "sky_view_factor"]
N_PC = 5

cells = pd.read_csv("grid/city_grid_100m_summer.csv")
cells = cells.dropna(subset=BANDS + COVER + CONTROLS + ["night_dT"])
cells = cells[cells["n_stations"] >= 1]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
tr_idx, te_idx = next(splitter.split(cells, groups=cells["ward"]))
train, test = cells.iloc[tr_idx].copy(), cells.iloc[te_idx].copy()

scaler = StandardScaler()
pca = PCA(n_components=N_PC)
pc_cols = [f"pc{i + 1}" for i in range(N_PC)]
train[pc_cols] = pca.fit_transform(scaler.fit_transform(train[BANDS]))
test[pc_cols] = pca.transform(scaler.transform(test[BANDS]))
print("variance explained:", np.round(pca.explained_variance_ratio_, 3))

design = pc_cols + COVER[:-1] + CONTROLS
X_train = sm.add_constant(train[design])
X_test = sm.add_constant(test[design], has_constant="add")

ols = sm.OLS(train["night_dT"], X_train).fit(cov_type="HC3")
print(ols.summary())

pred = ols.predict(X_test)
rmse = np.sqrt(np.mean((test["night_dT"] - pred) ** 2))
ss_res = np.sum((test["night_dT"] - pred) ** 2)
ss_tot = np.sum((test["night_dT"] - test["night_dT"].mean()) ** 2)
print(f"held-out wards: {test['ward'].nunique()}, cells: {len(test)}")
print(f"RMSE {rmse:.2f} degC, R2 {1 - ss_res / ss_tot:.3f}")

loadings = pd.DataFrame(pca.components_.T, index=BANDS, columns=pc_cols)
print(loadings.round(2))
