# label: leakage/none
# Screening ground star anise for Japanese star anise (Illicium anisatum).
# Handheld Raman spectra, 3 scans per sample averaged to one spectrum.
# Classes: authentic Illicium verum vs. blends containing I. anisatum.
import numpy as np
import pandas as pd
from scipy.signal import savgol_filter
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.metrics import make_scorer, recall_score
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

K_BANDS = 60

spectra = pd.read_parquet("data/star_anise_raman_scans.parquet")
meta = pd.read_csv("data/star_anise_samples.csv")

wavenumber_cols = [c for c in spectra.columns if c.startswith("wn_")]
wavenumbers = np.array([float(c[3:]) for c in wavenumber_cols])

# average the repeat scans of each sample
mean_spectra = spectra.groupby("sample_id")[wavenumber_cols].mean()
samples = meta.set_index("sample_id").loc[mean_spectra.index]

# restrict to the fingerprint region
keep = (wavenumbers >= 400) & (wavenumbers <= 1800)
raw = mean_spectra.to_numpy()[:, keep]
wn = wavenumbers[keep]

# per-spectrum processing: SNV then first derivative
snv = (raw - raw.mean(axis=1, keepdims=True)) / raw.std(axis=1, keepdims=True)
X = savgol_filter(snv, window_length=15, polyorder=2, deriv=1, axis=1)
y = (samples["adulterated"] == 1).astype(int).to_numpy()
print(f"{len(y)} samples, {y.sum()} adulterated, {X.shape[1]} bands")

model = make_pipeline(
    SelectKBest(f_classif, k=K_BANDS),
    StandardScaler(),
    SVC(kernel="rbf", C=10.0, gamma="scale", class_weight="balanced"),
)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=17)
scoring = {
    "accuracy": "accuracy",
    "balanced_accuracy": "balanced_accuracy",
    "sensitivity": make_scorer(recall_score, pos_label=1),
    "specificity": make_scorer(recall_score, pos_label=0),
}
results = cross_validate(model, X, y, cv=cv, scoring=scoring)

for name in scoring:
    s = results[f"test_{name}"]
    print(f"{name:18s} {s.mean():.3f} +/- {s.std():.3f}")

# bands that drive the separation
selector = model.fit(X, y)[0]
selected = selector.get_support()
top = pd.Series(selector.scores_[selected], index=np.round(wn[selected], 1))
print("\nstrongest bands (cm-1):")
print(top.sort_values(ascending=False).head(15).round(1).to_string())
