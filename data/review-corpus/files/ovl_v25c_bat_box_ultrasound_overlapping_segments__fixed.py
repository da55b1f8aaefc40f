# label: leakage/none
"""Identify bat species from ultrasonic detector recordings made at roost boxes."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import GroupShuffleSplit

SR = 256_000
WIN = SR // 4          # 250 ms segments
HOP = WIN // 2         # half-overlapping
BANDS = np.linspace(15_000, 120_000, 36)

meta = pd.read_csv("bat_box_recordings.csv")
meta = meta[meta["species_confirmed"].notna() & (meta["snr_db"] > 6)].reset_index(drop=True)


def band_energies(segment):
    spec = np.abs(np.fft.rfft(segment * np.hanning(len(segment)))) ** 2
    freqs = np.fft.rfftfreq(len(segment), d=1 / SR)
    idx = np.digitize(freqs, BANDS)
    energy = np.array([spec[idx == b].sum() for b in range(1, len(BANDS))])
    energy = np.log1p(energy)
    peak = freqs[np.argmax(spec)] / 1000.0
    centroid = (freqs * spec).sum() / (spec.sum() + 1e-9) / 1000.0
    return np.concatenate([energy, [peak, centroid, segment.std()]])


def segment_features(path):
    audio = np.load(path).astype(np.float32)
    audio = audio - audio.mean()
    feats = []
    for start in range(0, len(audio) - WIN + 1, HOP):
        seg = audio[start:start + WIN]
        if np.abs(seg).max() < 0.01:
            continue
        feats.append(band_energies(seg))
    return np.array(feats)


rows, labels, groups = [], [], []
for rec in meta.itertuples():
    f = segment_features(f"audio/{rec.recording_id}.npy")
    if len(f) == 0:
        continue
    rows.append(f)
    labels.extend([rec.species_confirmed] * len(f))
    groups.extend([rec.box_id] * len(f))

X = np.vstack(rows)
y = np.array(labels)
groups = np.array(groups)
print("segments:", X.shape, "species:", len(np.unique(y)))

# recordings from one roost box go to the same side
splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
train_idx, test_idx = next(splitter.split(X, y, groups=groups))
X_train, X_test, y_train, y_test = X[train_idx], X[test_idx], y[train_idx], y[test_idx]

clf = RandomForestClassifier(n_estimators=600, min_samples_leaf=2,
                             class_weight="balanced", n_jobs=-1, random_state=8)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, digits=3))
