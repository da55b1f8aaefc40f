# label: leakage/overlap
# twin: ovl_minority_upsample_cv_folds__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold

machines = pd.read_csv("pump_sensor_summary.csv")
FEATURES = [c for c in machines.columns if c.startswith("sensor_")]
X_all = machines[FEATURES]
y_all = machines["failure"]


def upsample_minority(X, y, seed=0):
    frame = X.assign(_y=y.values)
    minority = frame[frame["_y"] == 1]
    majority = frame[frame["_y"] == 0]
    extra = minority.sample(len(majority) - len(minority), replace=True, random_state=seed)
    frame = pd.concat([majority, minority, extra])
    return frame.drop(columns="_y"), frame["_y"]


X, y = upsample_minority(X_all, y_all)
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
results = []
for tr_idx, te_idx in skf.split(X, y):
    X_tr, y_tr = X.iloc[tr_idx], y.iloc[tr_idx]
    model = ExtraTreesClassifier(n_estimators=400, random_state=0, n_jobs=-1)
    model.fit(X_tr, y_tr)
    results.append(balanced_accuracy_score(y.iloc[te_idx], model.predict(X.iloc[te_idx])))

print("balanced accuracy per fold", np.round(results, 3))
print("mean", np.mean(results))
