# label: leakage/none
# twin: ovl_ecg_beats_pooled_split__leaky.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

BEAT_CLASSES = {"N": 0, "S": 1, "V": 2, "F": 3}


def beat_features(beats: pd.DataFrame) -> pd.DataFrame:
    feats = beats[["rr_prev", "rr_next", "qrs_width", "r_amp", "t_amp"]].copy()
    feats["rr_ratio"] = beats["rr_prev"] / beats["rr_next"]
    feats["rr_local_ratio"] = beats["rr_prev"] / beats["rr_local_mean"]
    wave = np.stack(beats["waveform"].to_numpy())
    for i, q in enumerate(np.linspace(0, wave.shape[1] - 1, 12).astype(int)):
        feats[f"w{i:02d}"] = wave[:, q]
    return feats


beats = pd.read_parquet("data/mitbih_beats.parquet")
beats = beats[beats["symbol"].isin(BEAT_CLASSES)]
X = beat_features(beats)
y = beats["symbol"].map(BEAT_CLASSES)
print(f"{len(beats)} beats from {beats['record_id'].nunique()} records")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=0)
train_idx, test_idx = next(splitter.split(X, y, groups=beats["record_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

clf = RandomForestClassifier(n_estimators=300, class_weight="balanced_subsample", n_jobs=-1, random_state=0)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(classification_report(y_test, pred, target_names=list(BEAT_CLASSES)))
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
