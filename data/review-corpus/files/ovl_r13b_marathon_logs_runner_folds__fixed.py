# label: leakage/none
# twin: ovl_r13b_marathon_logs_runner_folds__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Marathon training logs: will the runner report an injury next week?

Each row is one runner-week of logged training (volume, intensity, sleep);
most runners contribute 20-40 weeks.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "weekly_km", "long_run_km", "n_sessions", "interval_minutes", "elevation_gain_m",
    "avg_easy_pace_s_per_km", "acute_chronic_ratio", "km_change_vs_last_week",
    "avg_sleep_h", "resting_hr", "age", "years_running",
]

logs = pd.read_csv("data/training_logs_weekly.csv").dropna(subset=FEATURES + ["injured_next_week"])
X = logs[FEATURES].to_numpy(dtype=float)
y = logs["injured_next_week"].to_numpy(dtype=int)
runners = logs["runner_id"].to_numpy()
print(f"{len(logs)} runner-weeks from {len(np.unique(runners))} runners")

# all weeks of a runner fall in the same fold
folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=21)
aucs, aps = [], []
for fold, (tr, te) in enumerate(folds.split(X, y, groups=runners)):
    scaler = StandardScaler().fit(X[tr])
    clf = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")
    clf.fit(scaler.transform(X[tr]), y[tr])
    proba = clf.predict_proba(scaler.transform(X[te]))[:, 1]
    aucs.append(roc_auc_score(y[te], proba))
    aps.append(average_precision_score(y[te], proba))
    print(f"fold {fold}: AUC={aucs[-1]:.3f}  AP={aps[-1]:.3f}")

print(f"mean AUC {np.mean(aucs):.3f} +/- {np.std(aucs):.3f}")
print(f"mean AP  {np.mean(aps):.3f} +/- {np.std(aps):.3f}")
