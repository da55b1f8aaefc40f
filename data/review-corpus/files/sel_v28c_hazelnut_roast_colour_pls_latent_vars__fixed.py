# label: leakage/none
"""Roast colour (CIE L*) of hazelnut kernels from VIS-NIR reflectance.

One spectrum per roasted lot, taken on a ground sample after the drum roaster.
Reference L* values come from the lab colorimeter.
"""
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.signal import savgol_filter
from sklearn.cross_decomposition import PLSRegression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import KFold, cross_val_predict, train_test_split

SPECTRA = "data/hazelnut/reflectance_400_1000nm.npy"
LOTS = "data/hazelnut/roast_lots.csv"
MAX_LV = 20

spectra = np.load(SPECTRA)
lots = pd.read_csv(LOTS)
assert len(lots) == spectra.shape[0], "spectra / lot table mismatch"

# drop saturated scans flagged by the instrument software
ok = lots["scan_flag"].eq("OK").to_numpy()
spectra, lots = spectra[ok], lots.loc[ok].reset_index(drop=True)
wavelengths = np.linspace(400, 1000, spectra.shape[1])


def snv(x):
    """Standard normal variate, applied spectrum by spectrum."""
    return (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True)


# Savitzky-Golay 1st derivative then SNV
X = snv(savgol_filter(spectra, window_length=15, polyorder=2, deriv=1, axis=1))
y = lots["colour_L"].to_numpy()

X_cal, X_test, y_cal, y_test = train_test_split(
    X, y, test_size=0.25, random_state=11
)
print(f"calibration lots: {len(y_cal)}, prediction lots: {len(y_test)}")

cv = KFold(n_splits=10, shuffle=True, random_state=11)
rmsecv = []
for n_lv in range(1, MAX_LV + 1):
    pls = PLSRegression(n_components=n_lv, scale=False)
    pred = cross_val_predict(pls, X_cal, y_cal, cv=cv).ravel()
    rmsecv.append(mean_squared_error(y_cal, pred) ** 0.5)
    print(f"LV {n_lv:2d}  RMSECV {rmsecv[-1]:.3f}")

best_lv = int(np.argmin(rmsecv)) + 1
pls = PLSRegression(n_components=best_lv, scale=False).fit(X_cal, y_cal)
y_hat = pls.predict(X_test).ravel()

rmse_p = mean_squared_error(y_test, y_hat) ** 0.5
rpd = y_test.std(ddof=1) / rmse_p
print(f"latent variables: {best_lv}")
print(f"RMSEP {rmse_p:.3f}  R2p {r2_score(y_test, y_hat):.3f}  RPD {rpd:.2f}")

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
axes[0].plot(range(1, MAX_LV + 1), rmsecv, marker="o")
axes[0].axvline(best_lv, ls="--", c="grey")
axes[0].set_xlabel("latent variables")
axes[0].set_ylabel("RMSE")
axes[1].scatter(y_test, y_hat, s=12)
lims = [min(y_test.min(), y_hat.min()) - 1, max(y_test.max(), y_hat.max()) + 1]
axes[1].plot(lims, lims, c="k", lw=0.8)
axes[1].set_xlabel("measured L*")
axes[1].set_ylabel("predicted L*")
fig.tight_layout()
fig.savefig("reports/hazelnut_pls_colour.png", dpi=150)

with open("reports/hazelnut_pls_colour.json", "w") as fh:
    json.dump({"n_lv": best_lv, "rmsep": rmse_p, "rpd": rpd}, fh, indent=2)
