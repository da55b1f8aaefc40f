# label: leakage/none
# twin: ovl_v12_ecg_beats_patients__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

beats = pd.read_parquet("data/mitbih_beats.parquet")
FEATURES = ["rr_prev", "rr_next", "qrs_width", "qrs_amp", "p_amp", "t_amp", "st_slope", "hr_local"]


def split_data(frame, test_size=0.25, seed=0):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    tr_idx, te_idx = next(gss.split(frame, groups=frame["patient_id"]))
    return frame.iloc[tr_idx], frame.iloc[te_idx]


train_df, test_df = split_data(beats)
print("patients:", train_df["patient_id"].nunique(), test_df["patient_id"].nunique())

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
clf.fit(train_df[FEATURES], train_df["arrhythmia"])

pred = clf.predict(test_df[FEATURES])
print("balanced accuracy:", balanced_accuracy_score(test_df["arrhythmia"], pred))
print("positive rate (test):", np.mean(pred))
