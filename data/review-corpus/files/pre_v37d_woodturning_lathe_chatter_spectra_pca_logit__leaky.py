# label: leakage/preprocessing
"""Chatter-mark detection on bowl turning from tool-rest accelerometer spectra.

Each recording is a 2 s finishing cut; `chatter` is the finish grade given by the
instructor after sanding (1 = visible spiral chatter marks).
"""
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import make_scorer, balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.preprocessing import StandardScaler

DATA_DIR = Path("recordings")
N_BINS = 512
FS = 8000


class SpectrumReader:
    """Turns raw accelerometer traces into log power spectra."""

    def __init__(self, data_dir, n_bins=N_BINS):
        self.data_dir = Path(data_dir)
        self.n_bins = n_bins

    def spectrum(self, trace):
        trace = trace - trace.mean()
        window = np.hanning(len(trace))
        power = np.abs(np.fft.rfft(trace * window, n=2 * self.n_bins)) ** 2
        return np.log10(power[: self.n_bins] + 1e-12)

    def load(self):
        meta = pd.read_csv(self.data_dir / "cuts.csv")
        spectra = [self.spectrum(np.load(self.data_dir / f"{cut_id}.npy")) for cut_id in meta["cut_id"]]
        return np.vstack(spectra), meta


reader = SpectrumReader(DATA_DIR)
spectra, meta = reader.load()
y = meta["chatter"].to_numpy()
freqs = np.fft.rfftfreq(2 * N_BINS, d=1 / FS)[:N_BINS]
print(f"{spectra.shape[0]} cuts, {spectra.shape[1]} bins up to {freqs[-1]:.0f} Hz, chatter rate {y.mean():.2f}")

extra = meta[["spindle_rpm", "overhang_mm", "wall_thickness_mm"]].to_numpy(dtype=float)
X_raw = np.hstack([spectra, extra])

X_scaled = StandardScaler().fit_transform(X_raw)
pca = PCA(n_components=30, random_state=0)
X = pca.fit_transform(X_scaled)
print(f"30 components explain {pca.explained_variance_ratio_.sum():.1%} of variance")

clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=4)
scores = cross_validate(
    clf,
    X,
    y,
    cv=cv,
    scoring={"auc": "roc_auc", "bal_acc": make_scorer(balanced_accuracy_score), "f1": "f1"},
)
for name in ("auc", "bal_acc", "f1"):
    vals = scores[f"test_{name}"]
    print(f"{name:8s} {vals.mean():.3f} +/- {vals.std():.3f}")
