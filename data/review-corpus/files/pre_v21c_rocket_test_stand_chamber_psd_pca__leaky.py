# label: leakage/preprocessing
# Hot-fire campaign of the 2 kN ethanol/LOX thruster: flag firings that show
# combustion instability from the chamber-pressure spectrum of the steady phase.
# Labels come from the post-test review board (one label per firing).
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from scipy.signal import welch
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import classification_report, roc_auc_score, balanced_accuracy_score

FS = 20_000            # Hz, chamber pressure transducer
STEADY = (1.5, 4.5)    # s after ignition command
N_BANDS = 64
F_MAX = 6_000

traces = np.load("hotfire/pc_traces.npy", mmap_mode="r")     # (n_firings, n_samples)
meta = pd.read_csv("hotfire/firings.csv")                      # one row per firing, same order
assert len(meta) == traces.shape[0]


def band_log_power(trace):
    seg = np.asarray(trace[int(STEADY[0] * FS):int(STEADY[1] * FS)], dtype=float)
    seg = seg - seg.mean()
    f, pxx = welch(seg, fs=FS, nperseg=4096)
    edges = np.linspace(0, F_MAX, N_BANDS + 1)
    idx = np.digitize(f, edges) - 1
    bands = np.array([pxx[idx == b].mean() for b in range(N_BANDS)])
    return np.log10(bands + 1e-12)


def operating_point(meta):
    return np.column_stack([
        meta["mixture_ratio"],
        meta["chamber_pressure_set_bar"],
        meta["injector_dp_bar"],
        meta["lox_temp_k"],
        meta["film_cooling_pct"],
    ])


spectra = np.vstack([band_log_power(t) for t in traces])
print("spectra:", spectra.shape)

scaler = StandardScaler()
pca = PCA(n_components=12, random_state=0)
spec_pcs = pca.fit_transform(scaler.fit_transform(spectra))
print("explained variance:", np.round(pca.explained_variance_ratio_.cumsum()[-1], 3))

X_all = np.hstack([spec_pcs, operating_point(meta)])
y_all = meta["unstable"].to_numpy()
groups = meta["injector_serial"].to_numpy()

gss = GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=4)
tr, te = next(gss.split(X_all, y_all, groups))
X_train, X_test = X_all[tr], X_all[te]
y_train, y_test = y_all[tr], y_all[te]

op_scaler = StandardScaler().fit(X_train[:, -5:])
X_train[:, -5:] = op_scaler.transform(X_train[:, -5:])
X_test[:, -5:] = op_scaler.transform(X_test[:, -5:])

clf = SVC(C=3.0, gamma="scale", class_weight="balanced", probability=True, random_state=0)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)

print(f"injectors train/test: {len(set(groups[tr]))}/{len(set(groups[te]))}")
print(classification_report(y_test, pred, target_names=["stable", "unstable"]))
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}   balanced acc {balanced_accuracy_score(y_test, pred):.3f}")

freqs = np.linspace(0, F_MAX, N_BANDS + 1)[:-1]
plt.figure(figsize=(7, 3.5))
plt.plot(freqs, spectra[y_all == 0].mean(axis=0), label="stable")
plt.plot(freqs, spectra[y_all == 1].mean(axis=0), label="unstable")
plt.xlabel("frequency (Hz)")
plt.ylabel("log10 PSD")
plt.legend()
plt.tight_layout()
plt.savefig("pc_spectra.png", dpi=120)
