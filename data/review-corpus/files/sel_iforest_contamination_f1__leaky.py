# label: leakage/selection
# twin: sel_iforest_contamination_f1__fixed.py
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
X_labelled, y_labelled = read_windows("data/pump_windows_apr_labelled.csv")

results = []
for c in CONTAMINATION_GRID:
    forest = IsolationForest(n_estimators=300, contamination=c, random_state=42).fit(X_normal)
    pred = (forest.predict(X_labelled) == -1).astype(int)
    results.append((c, f1_score(y_labelled, pred), precision_score(y_labelled, pred),
                    recall_score(y_labelled, pred)))

best_c, best_f1, best_p, best_r = max(results, key=lambda r: r[1])
for c, f1, p, r in results:
    marker = "*" if c == best_c else " "
    print(f"{marker} contamination={c:<6} f1={f1:.3f} precision={p:.3f} recall={r:.3f}")
print(f"deploying contamination={best_c}: expect precision {best_p:.2f}, recall {best_r:.2f}")
