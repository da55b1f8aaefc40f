# label: leakage/overlap
# twin: ovl_xgb_patient_visits_skfold__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

visits = pd.read_csv("ehr_visits.csv")  # several visits per patient_id
feature_cols = [c for c in visits.columns if c not in ("patient_id", "visit_date", "sepsis")]
X, y = visits[feature_cols].to_numpy(), visits["sepsis"].to_numpy()

folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
aucs = []
for fold, (tr, va) in enumerate(folds.split(X, y)):
    clf = xgb.XGBClassifier(n_estimators=400, max_depth=5, learning_rate=0.05, subsample=0.8)
    clf.fit(X[tr], y[tr])
    aucs.append(roc_auc_score(y[va], clf.predict_proba(X[va])[:, 1]))
    print(f"fold {fold}: AUC {aucs[-1]:.3f}")
print("mean AUC", np.mean(aucs))
