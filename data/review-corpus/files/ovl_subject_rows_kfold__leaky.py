# label: leakage/overlap
# twin: ovl_subject_rows_kfold__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import KFold, cross_val_score

# several gait recordings per subject_id
gait = pd.read_csv("gait_recordings.csv")
X = gait.drop(columns=["subject_id", "parkinson"])
y = gait["parkinson"]
scores = cross_val_score(RandomForestClassifier(n_estimators=300, random_state=33), X, y, cv=KFold(5, shuffle=True, random_state=33))
print(np.mean(scores))
