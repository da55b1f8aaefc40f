# label: leakage/overlap
# twin: ovl_sensor_windows_kfold_shuffle__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import numpy as np
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold

signal = np.load("accelerometer_50hz.npy")   # (n_samples, 3), one continuous recording
activity = np.load("activity_labels.npy")    # (n_samples,)
WIN, STEP = 128, 32                          # 75% overlap between consecutive windows


def window_features(sig, lab):
    feats, labels = [], []
    for start in range(0, len(sig) - WIN, STEP):
        w = sig[start:start + WIN]
        feats.append(np.concatenate([w.mean(0), w.std(0), np.abs(np.diff(w, axis=0)).mean(0)]))
        labels.append(np.bincount(lab[start:start + WIN]).argmax())
    return np.array(feats), np.array(labels)


X, y = window_features(signal, activity)
scores = []
for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=2).split(X, y):
    clf = ExtraTreesClassifier(n_estimators=300, random_state=2).fit(X[tr], y[tr])
    scores.append(accuracy_score(y[te], clf.predict(X[te])))
print("accuracy", np.mean(scores))
