# label: leakage/preprocessing
# Screening saffron lots for adulteration (safflower, turmeric, dyed stigma)
# from ATR-FTIR spectra, 4000-650 cm-1 at 2 cm-1 resolution.
import json

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

K_BANDS = 80


def load_spectra(spectra_path, meta_path):
    # spectra: (n_scans, n_wavenumbers); three replicate scans per lot
    spectra = np.load(spectra_path)
    meta = np.load(meta_path, allow_pickle=True)
    lot_ids = meta["lot_id"]
    labels = meta["adulterated"].astype(int)
    wavenumbers = meta["wavenumbers"]

    lots, first_idx = np.unique(lot_ids, return_index=True)
    X = np.stack([spectra[lot_ids == lot].mean(axis=0) for lot in lots])
    y = labels[first_idx]
    return X, y, wavenumbers


def snv(X):
    """Standard normal variate, applied spectrum by spectrum."""
    mu = X.mean(axis=1, keepdims=True)
    sd = X.std(axis=1, keepdims=True)
    return (X - mu) / sd


def first_derivative(X, window=7):
    kernel = np.ones(window) / window
    smooth = np.apply_along_axis(lambda r: np.convolve(r, kernel, mode="same"), 1, X)
    return np.gradient(smooth, axis=1)


def main():
    X, y, wavenumbers = load_spectra("data/saffron_atr_ftir.npy", "data/saffron_meta.npz")
    X = first_derivative(snv(X))
    print(f"{X.shape[0]} lots, {X.shape[1]} bands, {y.mean():.1%} adulterated")

    selector = SelectKBest(f_classif, k=K_BANDS)
    X_sel = selector.fit_transform(X, y)
    picked = wavenumbers[selector.get_support()]
    print("bands kept (cm-1):", np.round(np.sort(picked)[:10]), "...")

    model = make_pipeline(StandardScaler(), LinearSVC(C=0.05, class_weight="balanced", max_iter=20000))
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=8)
    scores = cross_validate(
        model, X_sel, y, cv=cv,
        scoring=["roc_auc", "balanced_accuracy", "recall", "precision"],
    )

    summary = {}
    for key in ["roc_auc", "balanced_accuracy", "recall", "precision"]:
        vals = scores[f"test_{key}"]
        summary[key] = {"mean": float(vals.mean()), "std": float(vals.std())}
        print(f"{key:>18}: {vals.mean():.3f} ± {vals.std():.3f}")

    with open("reports/saffron_ftir_cv.json", "w") as fh:
        json.dump(summary, fh, indent=2)


if __name__ == "__main__":
    main()
