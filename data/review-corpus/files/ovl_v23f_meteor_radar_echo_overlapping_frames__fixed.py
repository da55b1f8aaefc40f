# label: leakage/none
"""Detect meteor echoes in forward-scatter radar receiver power recordings, frame by frame."""
import glob
import os

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import GroupShuffleSplit

FRAME = 512     # samples per frame (about 1 s at 500 Hz)
HOP = 128


def frame_features(seg):
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    bands = np.array_split(spec[1:], 8)
    return np.concatenate([
        [seg.mean(), seg.std(), seg.max() - np.median(seg),
         np.percentile(seg, 95), np.abs(np.diff(seg)).mean()],
        np.log1p([b.sum() for b in bands]),
    ])


def frames_for_night(power, echo_mask):
    feats, labels = [], []
    for start in range(0, len(power) - FRAME + 1, HOP):
        seg = power[start:start + FRAME]
        feats.append(frame_features(seg))
        labels.append(int(echo_mask[start:start + FRAME].mean() > 0.2))
    return feats, labels


annotations = pd.read_csv("echo_annotations.csv")
X_all, y_all, night_ids = [], [], []
for path in sorted(glob.glob("recordings/night_*.npy")):
    night = os.path.basename(path)[:-4]
    power = np.load(path).astype(np.float32)
    power = 10 * np.log10(np.clip(power, 1e-12, None))
    mask = np.zeros(len(power), dtype=np.float32)
    for _, row in annotations[annotations["night"] == night].iterrows():
        mask[int(row["start_sample"]):int(row["end_sample"])] = 1.0
    f, l = frames_for_night(power, mask)
    X_all.extend(f)
    y_all.extend(l)
    night_ids.extend([night] * len(l))

X = np.asarray(X_all)
y = np.asarray(y_all)
night_ids = np.asarray(night_ids)
print(f"{len(y)} frames from {len(np.unique(night_ids))} nights, echo rate {y.mean():.3f}")

# whole nights go to one side only
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
train_idx, test_idx = next(gss.split(X, y, groups=night_ids))
X_train, X_test = X[train_idx], X[test_idx]
y_train, y_test = y[train_idx], y[test_idx]

clf = RandomForestClassifier(
    n_estimators=400, min_samples_leaf=3, class_weight="balanced_subsample",
    n_jobs=-1, random_state=8,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"average precision: {average_precision_score(y_test, proba):.3f}")
print(f"F1 @0.5: {f1_score(y_test, (proba >= 0.5).astype(int)):.3f}")
