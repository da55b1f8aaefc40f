# label: leakage/selection
# twin: sel_churn_cutoff_on_holdout__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

accounts = pd.read_parquet("accounts_snapshot_2023q4.parquet")
FEATURES = ["seats", "logins_30d", "tickets_90d", "invoice_delays", "nps_score"]
X = accounts[FEATURES]
y = accounts["churned_next_quarter"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=11)
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, class_weight="balanced"))
clf.fit(X_train, y_train)

proba_test = clf.predict_proba(X_test)[:, 1]
thresholds = np.linspace(0.1, 0.9, 33)
f1s = [f1_score(y_test, proba_test >= t) for t in thresholds]
cutoff = thresholds[int(np.argmax(f1s))]

pred = proba_test >= cutoff
report = {
    "cutoff": round(float(cutoff), 3),
    "precision": precision_score(y_test, pred),
    "recall": recall_score(y_test, pred),
    "f1": f1_score(y_test, pred),
}
print(pd.Series(report))
