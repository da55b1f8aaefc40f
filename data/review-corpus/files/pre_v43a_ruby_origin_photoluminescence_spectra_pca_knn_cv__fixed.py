# label: leakage/none
"""Geographic origin screening for rough rubies from photoluminescence spectra.

Each stone in the reference collection was measured on the lab's PL
spectrometer (532 nm excitation, 650-750 nm window) and has a documented
origin. A PCA + k-NN classifier gives the gemmologist a first opinion before
the trace-element run.
"""
import numpy as np
import pandas as pd
from scipy.signal import savgol_filter
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ORIGINS = ["Myanmar", "Mozambique", "Madagascar", "Thailand", "Sri Lanka", "Greenland"]


def load_reference(path="reference/ruby_pl_spectra.npz"):
    data = np.load(path, allow_pickle=True)
    spectra = data["intensity"]          # (n_stones, n_channels)
    wavelengths = data["wavelength_nm"]
    meta = pd.DataFrame({"stone_id": data["stone_id"], "origin": data["origin"]})
    return spectra, wavelengths, meta


def preprocess_spectra(spectra, wavelengths):
    # crop to the R-line region and normalise each spectrum on its own
    window = (wavelengths >= 680) & (wavelengths <= 720)
    s = spectra[:, window]
    s = s - s.min(axis=1, keepdims=True)
    s = s / s.max(axis=1, keepdims=True)
    d1 = savgol_filter(s, window_length=11, polyorder=2, deriv=1, axis=1)
    return np.hstack([s, d1])


spectra, wl, meta = load_reference()
keep = meta["origin"].isin(ORIGINS).to_numpy()
X = preprocess_spectra(spectra[keep], wl)
y = meta.loc[keep, "origin"].to_numpy()
print(X.shape, pd.Series(y).value_counts().to_dict())

knn = make_pipeline(
    StandardScaler(),
    PCA(n_components=15, random_state=0),
    KNeighborsClassifier(n_neighbors=5, weights="distance"),
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

acc = cross_val_score(knn, X, y, cv=cv, scoring="accuracy")
bal = cross_val_score(knn, X, y, cv=cv, scoring="balanced_accuracy")
print(f"accuracy          {acc.mean():.3f} +/- {acc.std():.3f}")
print(f"balanced accuracy {bal.mean():.3f} +/- {bal.std():.3f}")

y_pred = cross_val_predict(knn, X, y, cv=cv)
print(classification_report(y, y_pred, labels=ORIGINS, digits=3, zero_division=0))
cm = pd.DataFrame(confusion_matrix(y, y_pred, labels=ORIGINS), index=ORIGINS, columns=ORIGINS)
print(cm)
