# label: leakage/none
# twin: sel_iforest_contamination_f1__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Pick the IsolationForest contamination for the pump-vibration alarm."""
import csv

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import f1_score, precision_score, recall_score

CONTAMINATION_GRID = [0.005, 0.01, 0.02, 0.03, 0.05, 0.08]


def read_windows(path):
    feats, labels = [], []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            feats.append([float(row[k]) for k in ("rms", "kurtosis", "crest", "peak_hz", "band_3k")])
            labels.append(int(row.get("fault", 0) or 0))
    return np.asarray(feats), np.asarray(labels)


X_normal, _ = read_windows("data/pump_windows_jan_mar.csv")         # unlabelled, mostly healthy
X_tune, y_tune = read_windows("data/pump_windows_apr_labelled.csv")
X_test, y_test = read_windows("data/pump_windows_may_labelled.csv")

results = []
for c in CONTAMINATION_GRID:
    forest = IsolationForest(n_estimators=300, contamination=c, random_state=42).fit(X_normal)
    pred = (forest.predict(X_tune) == -1).astype(int)
    results.append((c, f1_score(y_tune, pred)))

best_c, best_f1 = max(results, key=lambda r: r[1])
for c, f1 in results:
    marker = "*" if c == best_c else " "
    print(f"{marker} contamination={c:<6} april f1={f1:.3f}")

forest = IsolationForest(n_estimators=300, contamination=best_c, random_state=42).fit(X_normal)
pred = (forest.predict(X_test) == -1).astype(int)
print(f"deploying contamination={best_c}: May precision {precision_score(y_test, pred):.2f}, "
      f"recall {recall_score(y_test, pred):.2f}")
