# label: leakage/none
"""Screen tequila lots: 100% agave vs mixto from transmission NIR spectra (1100-2500 nm).

Each row in the spectra file is one lot, already the mean of three cuvette scans.
"""
import numpy as np
from scipy.signal import savgol_filter
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, roc_auc_score

N_COMPONENTS = 12
rng = np.random.default_rng(2024)


def load(path):
    raw = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="utf-8")
    wl_cols = [n for n in raw.dtype.names if n.startswith("nm_")]
    wavelengths = np.array([float(n[3:]) for n in wl_cols])
    spectra = np.column_stack([raw[c] for c in wl_cols]).astype(float)
    labels = (raw["category"] == "100_agave").astype(int)
    return wavelengths, spectra, labels


def snv(spectra):
    mu = spectra.mean(axis=1, keepdims=True)
    sd = spectra.std(axis=1, keepdims=True)
    return (spectra - mu) / sd


def pca_fit(spectra, n_components):
    centre = spectra.mean(axis=0)
    _, s, vt = np.linalg.svd(spectra - centre, full_matrices=False)
    explained = s**2 / np.sum(s**2)
    return centre, vt[:n_components], explained[:n_components]


def pca_project(spectra, centre, components):
    return (spectra - centre) @ components.T


def stratified_indices(labels, test_frac):
    test = []
    for cls in np.unique(labels):
        idx = np.flatnonzero(labels == cls)
        rng.shuffle(idx)
        test.extend(idx[: int(round(test_frac * len(idx)))])
    test = np.sort(np.array(test))
    train = np.setdiff1d(np.arange(len(labels)), test)
    return train, test


wavelengths, spectra, labels = load("lab/tequila_nir_lots.csv")
keep = (wavelengths >= 1150) & (wavelengths <= 2400)  # trim noisy detector ends
spectra = spectra[:, keep]
print(f"{spectra.shape[0]} lots x {spectra.shape[1]} wavelengths, {labels.mean():.1%} 100% agave")

# SNV scatter normalisation and first derivative, per spectrum
X = savgol_filter(snv(spectra), window_length=15, polyorder=2, deriv=1, axis=1)

train_idx, test_idx = stratified_indices(labels, test_frac=0.25)

centre, components, explained = pca_fit(X[train_idx], N_COMPONENTS)
print("explained variance:", np.round(explained, 3), f"total {explained.sum():.3f}")
scores_train = pca_project(X[train_idx], centre, components)
scores_test = pca_project(X[test_idx], centre, components)

lda = LinearDiscriminantAnalysis()
lda.fit(scores_train, labels[train_idx])

proba = lda.predict_proba(scores_test)[:, 1]
pred = lda.predict(scores_test)
y_test = labels[test_idx]
print(confusion_matrix(y_test, pred))
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")

# which wavelengths drive the discriminant
loading = components.T @ lda.coef_.ravel()
top = np.argsort(np.abs(loading))[::-1][:10]
for i in top:
    print(f"{wavelengths[keep][i]:7.1f} nm  weight {loading[i]:+.4f}")
