# label: leakage/overlap
# twin: ovl_sleep_staging__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import cohen_kappa_score, accuracy_score, confusion_matrix

epochs = pd.read_parquet("data/psg_epoch_features.parquet")
band_cols = [c for c in epochs.columns if c.startswith(("eeg_", "eog_", "emg_"))]
X = epochs[band_cols].to_numpy()
y = epochs["stage"].to_numpy()
subjects = epochs["subject_id"].to_numpy()
print(f"{len(epochs)} 30-s epochs from {len(np.unique(subjects))} subjects")

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
clf = ExtraTreesClassifier(n_estimators=500, max_features="sqrt", n_jobs=-1, random_state=0)
pred = cross_val_predict(clf, X, y, cv=cv)

print("accuracy:", round(accuracy_score(y, pred), 3))
print("Cohen kappa:", round(cohen_kappa_score(y, pred), 3))
print(pd.DataFrame(confusion_matrix(y, pred, labels=["W", "N1", "N2", "N3", "REM"]),
                   index=["W", "N1", "N2", "N3", "REM"], columns=["W", "N1", "N2", "N3", "REM"]))
