# label: leakage/overlap
# twin: ovl_v12_ecg_beats_patients__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

beats = pd.read_parquet("data/mitbih_beats.parquet")
FEATURES = ["rr_prev", "rr_next", "qrs_width", "qrs_amp", "p_amp", "t_amp", "st_slope", "hr_local"]


def split_data(frame, test_size=0.25, seed=0):
    train_df, test_df = train_test_split(
        frame, test_size=test_size, stratify=frame["arrhythmia"], random_state=seed
    )
    return train_df, test_df


train_df, test_df = split_data(beats)
print("patients:", train_df["patient_id"].nunique(), test_df["patient_id"].nunique())

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
clf.fit(train_df[FEATURES], train_df["arrhythmia"])

pred = clf.predict(test_df[FEATURES])
print("balanced accuracy:", balanced_accuracy_score(test_df["arrhythmia"], pred))
print("positive rate (test):", np.mean(pred))
