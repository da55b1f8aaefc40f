# label: leakage/none
# twin: ovl_typing_fatigue_sessions_cv__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Detect fatigue from keystroke dynamics (each participant typed 20-40 sessions)."""
import numpy as np
import pandas as pd
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.preprocessing import StandardScaler


def session_features(keys):
    """One row per session from the raw key events."""
    keys = keys.assign(hold=keys.release_ms - keys.press_ms,
                       flight=keys.groupby("session_id").press_ms.diff())
    agg = keys.groupby(["participant_id", "session_id"]).agg(
        hold_mean=("hold", "mean"), hold_sd=("hold", "std"),
        flight_mean=("flight", "mean"), flight_sd=("flight", "std"),
        backspace_rate=("is_backspace", "mean"), n_keys=("key", "size"))
    return agg.reset_index()


keys = pd.read_parquet("data/keystrokes.parquet")
sessions = session_features(keys).merge(
    pd.read_csv("data/session_labels.csv"), on="session_id")

X = sessions.drop(columns=["participant_id", "session_id", "fatigued"]).to_numpy()
y = sessions["fatigued"].to_numpy()
groups = sessions["participant_id"].to_numpy()

clf = Pipeline([
    ("scale", StandardScaler()),
    ("under", RandomUnderSampler(random_state=0)),
    ("logreg", LogisticRegression(max_iter=1000)),
])
cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_validate(clf, X, y, groups=groups, cv=cv, scoring=["roc_auc", "balanced_accuracy"])
for metric in ("test_roc_auc", "test_balanced_accuracy"):
    print(f"{metric}: {np.mean(scores[metric]):.3f} +/- {np.std(scores[metric]):.3f}")
