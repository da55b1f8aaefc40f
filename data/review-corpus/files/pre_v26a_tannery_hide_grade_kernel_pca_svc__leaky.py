# label: leakage/preprocessing
"""Grade finished leather hides (A/B/C) from reflectance spectra and thickness readings."""
import numpy as np
import pandas as pd
from sklearn.decomposition import KernelPCA
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

spectra = pd.read_parquet("hide_reflectance_spectra.parquet")   # hide_id, band_400 ... band_990
hides = pd.read_csv("hide_register.csv")                        # hide_id, drum_lot, tannage, area_sqft, grade
thickness = pd.read_csv("hide_thickness_map.csv")               # hide_id, point, thickness_mm

thick = (
    thickness.groupby("hide_id")["thickness_mm"]
    .agg(thick_mean="mean", thick_std="std", thick_min="min", thick_max="max")
    .reset_index()
)
df = hides.merge(spectra, on="hide_id", how="inner").merge(thick, on="hide_id", how="inner")
df = df[df["grade"].isin(["A", "B", "C"])].dropna(subset=["thick_std"]).reset_index(drop=True)
df["thick_range"] = df["thick_max"] - df["thick_min"]

band_cols = sorted([c for c in spectra.columns if c.startswith("band_")], key=lambda c: int(c[5:]))
spec = df[band_cols].to_numpy(dtype=float)
# smooth each spectrum a little, then take the first derivative
kernel = np.ones(5) / 5
spec = np.apply_along_axis(lambda r: np.convolve(r, kernel, mode="same"), 1, spec)
deriv = np.diff(spec, axis=1)

extra_cols = ["thick_mean", "thick_std", "thick_range", "area_sqft"]
X_raw = np.hstack([deriv, df[extra_cols].to_numpy(dtype=float)])
chrome = (df["tannage"].str.lower() == "chrome").to_numpy(dtype=float)[:, None]
y = df["grade"].to_numpy()
groups = df["drum_lot"].to_numpy()
print(X_raw.shape, pd.Series(y).value_counts().to_dict())

scaler = StandardScaler()
kpca = KernelPCA(n_components=15, kernel="rbf", gamma=1.0 / X_raw.shape[1], random_state=0)
Z = np.hstack([kpca.fit_transform(scaler.fit_transform(X_raw)), chrome])

# hides from one drum lot stay together
splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=5)
tr, te = next(splitter.split(X_raw, y, groups))
Z_train, Z_test = Z[tr], Z[te]

clf = SVC(C=3.0, kernel="rbf", gamma="scale", class_weight="balanced")
clf.fit(Z_train, y[tr])
pred = clf.predict(Z_test)

print(f"balanced accuracy: {balanced_accuracy_score(y[te], pred):.3f}")
print(confusion_matrix(y[te], pred, labels=["A", "B", "C"]))
print(classification_report(y[te], pred, digits=3))
