# label: leakage/none
# twin: pre_pipe_chain__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

NUM = ["age", "bmi", "glucose", "systolic_bp"]


def fill_missing(frame):
    return frame.fillna({"smoker": "unknown"})


def standardize(frame, cols, reference):
    frame = frame.copy()
    frame[cols] = (frame[cols] - reference[cols].mean()) / reference[cols].std()
    return frame


patients = pd.read_csv("patients.csv").pipe(fill_missing)
tr, te = train_test_split(patients, test_size=0.25, stratify=patients["diabetic"], random_state=0)
tr, te = tr.pipe(standardize, NUM, tr), te.pipe(standardize, NUM, tr)
clf = LogisticRegression(max_iter=500).fit(tr[NUM], tr["diabetic"])
print("AUC", roc_auc_score(te["diabetic"], clf.predict_proba(te[NUM])[:, 1]))
