# label: leakage/overlap
# twin: ovl_pump_faults_balanced_loader__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
from pathlib import Path

import numpy as np
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, confusion_matrix
from sklearn.model_selection import train_test_split

DATA_DIR = Path("data/pump_inspections")
FEATURES = ["rms", "kurtosis", "crest_factor", "skewness", "peak_bpfo", "peak_bpfi", "peak_bsf", "spectral_entropy"]


def load_runs(data_dir=DATA_DIR):
    frames = [pd.read_csv(p, parse_dates=["inspected_at"]).assign(site=p.stem) for p in sorted(data_dir.glob("site_*.csv"))]
    df = pd.concat(frames, ignore_index=True)
    # one row per pump: its latest vibration inspection and the fault found then
    df = df.dropna(subset=FEATURES).sort_values("inspected_at").drop_duplicates("asset_id", keep="last")
    X = df[FEATURES].to_numpy()
    y = (df["fault_label"] != "healthy").astype(int).to_numpy()
    X, y = BorderlineSMOTE(k_neighbors=5, random_state=11).fit_resample(X, y)
    return X, y


X, y = load_runs()
print("class balance:", np.bincount(y))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=11)

gbm = GradientBoostingClassifier(n_estimators=250, max_depth=3, learning_rate=0.05, random_state=11)
gbm.fit(X_train, y_train)
proba = gbm.predict_proba(X_test)[:, 1]
print("AP:", round(average_precision_score(y_test, proba), 4))
print(confusion_matrix(y_test, proba > 0.5))
