# label: leakage/preprocessing
"""FT-MIR calibration for fat % in bulk-tank milk.

Spectra from the lab's MilkoScan export (absorbance, 1 row per sample),
reference fat from Roese-Gottlieb. Several tankers per farm over the season,
so the hold-out is done by farm.
"""
import numpy as np
import pandas as pd
from scipy.signal import savgol_filter
from sklearn.cross_decomposition import PLSRegression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

spectra = np.load("ftmir/absorbance_2023.npy")          # (n_samples, n_points)
wavenumbers = np.load("ftmir/wavenumbers.npy")          # cm-1, descending
ref = pd.read_csv("ftmir/reference_fat_2023.csv")      # sample_id, farm_id, fat_pct
assert len(ref) == spectra.shape[0]

# drop the water bands and the noisy ends of the range
keep = (
    ((wavenumbers > 925) & (wavenumbers < 1580))
    | ((wavenumbers > 1700) & (wavenumbers < 3000))
)
X = spectra[:, keep]
y = ref["fat_pct"].to_numpy()
ok = np.isfinite(X).all(axis=1) & np.isfinite(y)
X, y, ref = X[ok], y[ok], ref.loc[ok].reset_index(drop=True)


def msc(block, reference):
    """Multiplicative scatter: regress each spectrum on the reference spectrum."""
    out = np.empty_like(block)
    for i, row in enumerate(block):
        slope, intercept = np.polyfit(reference, row, deg=1)
        out[i] = (row - intercept) / slope
    return out


mean_spectrum = X.mean(axis=0)
X_msc = msc(X, mean_spectrum)
# first derivative, 15-point window
X_d1 = savgol_filter(X_msc, window_length=15, polyorder=2, deriv=1, axis=1)

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=42)
train_idx, test_idx = next(gss.split(X_d1, y, groups=ref["farm_id"]))
X_train, X_test = X_d1[train_idx], X_d1[test_idx]
y_train, y_test = y[train_idx], y[test_idx]
print(f"{len(train_idx)} calibration samples, {len(test_idx)} hold-out samples "
      f"from {ref.loc[test_idx, 'farm_id'].nunique()} farms")

pls = PLSRegression(n_components=12, scale=False)
pls.fit(X_train, y_train)
pred = pls.predict(X_test).ravel()

rmsep = mean_squared_error(y_test, pred) ** 0.5
bias = float(np.mean(pred - y_test))
sep = float(np.std(pred - y_test, ddof=1))
rpd = float(np.std(y_test, ddof=1) / sep)
print(f"RMSEP {rmsep:.3f} %  bias {bias:+.3f}  SEP {sep:.3f}  RPD {rpd:.1f}  R2 {r2_score(y_test, pred):.3f}")

per_farm = (
    ref.loc[test_idx, ["farm_id"]]
    .assign(err=pred - y_test)
    .groupby("farm_id")["err"]
    .agg(["count", "mean", "std"])
    .round(3)
)
print(per_farm.sort_values("mean"))

coef = pd.Series(pls.coef_.ravel(), index=np.round(wavenumbers[keep], 1))
print("largest loadings near:", coef.abs().nlargest(8).index.tolist())
