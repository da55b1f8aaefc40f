# label: leakage/preprocessing
# Accordion workshop QC: each reed block is sounded on the test bellows and
# recorded; the averaged magnitude spectrum (1024 bins, 20 Hz - 8 kHz) is used
# to predict whether the tuner will send the block back for re-voicing.
import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import StratifiedKFold, cross_val_score, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 4
K_BINS = 60


def load_bench(path="bench/reed_block_spectra.npz"):
    arch = np.load(path, allow_pickle=False)
    spectra = arch["spectra"].astype(np.float64)  # (n_blocks, 1024) linear magnitude
    revoice = arch["revoice"].astype(int)  # 1 = returned by tuner
    freqs = arch["freqs_hz"]
    note_hz = arch["note_hz"]
    return spectra, revoice, freqs, note_hz


def to_db(spectra):
    # normalise each recording to its own peak and convert to dB
    peak = spectra.max(axis=1, keepdims=True)
    return 20.0 * np.log10(np.clip(spectra / peak, 1e-6, None))


spectra, y, freqs, note_hz = load_bench()
X = np.hstack([to_db(spectra), np.log2(note_hz)[:, None]])
print(f"blocks: {len(y)}  returned: {y.sum()} ({y.mean():.1%})  features: {X.shape[1]}")

selector = SelectKBest(f_classif, k=K_BINS)
X_k = selector.fit_transform(X, y)

clf = make_pipeline(
    StandardScaler(),
    SVC(kernel="rbf", C=3.0, gamma="scale", class_weight="balanced"),
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
scores = cross_validate(clf, X_k, y, cv=cv, scoring=["roc_auc", "balanced_accuracy", "f1"])

for name in ("roc_auc", "balanced_accuracy", "f1"):
    vals = scores[f"test_{name}"]
    print(f"{name:>18}: {vals.mean():.3f} +/- {vals.std():.3f}")

repeat = [
    cross_val_score(clf, X_k, y, cv=StratifiedKFold(5, shuffle=True, random_state=s), scoring="roc_auc").mean()
    for s in range(10)
]
print(f"repeated 5-fold AUC: {np.mean(repeat):.3f} (min {np.min(repeat):.3f}, max {np.max(repeat):.3f})")

kept = selector.get_support()[:-1]
print("most informative bands (Hz):", np.round(freqs[kept][:15]).astype(int).tolist())
