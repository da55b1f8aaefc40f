# label: leakage/none
# twin: ovl_sk_cv_indices_groups_shuffled__leaky.py
# source: adapted from scikit-learn examples/model_selection/plot_cv_indices.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupKFold, cross_val_score

# Gait recordings: each subject walked the corridor about 20 times; the label is the subject's diagnosis.
rec = pd.read_csv("gait_recordings.csv")
feature_cols = ["stride_len", "cadence", "stance_ratio", "swing_var", "step_width", "gait_speed"]
X = rec[feature_cols].to_numpy()
y = rec["diagnosis"].to_numpy()
groups = rec["subject_id"].to_numpy()
print(f"{len(np.unique(groups))} subjects, {len(rec)} recordings")

cv = GroupKFold(n_splits=5)
clf = RandomForestClassifier(n_estimators=400, random_state=0)
scores = cross_val_score(clf, X, y, cv=cv, groups=groups)
print(f"accuracy {scores.mean():.3f} +/- {scores.std():.3f}")
