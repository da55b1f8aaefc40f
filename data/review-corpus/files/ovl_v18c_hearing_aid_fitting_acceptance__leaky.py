# label: leakage/overlap
"""Will a hearing-aid fitting session end with the wearer accepting the programmed settings?

One row per fitting session in the clinic database; wearers come back several times a year,
so most people appear in several rows.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

FREQS = [250, 500, 1000, 2000, 4000, 8000]


def load_sessions(path="data/fitting_sessions.csv"):
    df = pd.read_csv(path, parse_dates=["session_date"])
    for side in ("left", "right"):
        cols = [f"{side}_hl_{f}" for f in FREQS]
        df[f"{side}_pta"] = df[[f"{side}_hl_{f}" for f in (500, 1000, 2000, 4000)]].mean(axis=1)
        df[f"{side}_slope"] = df[f"{side}_hl_4000"] - df[f"{side}_hl_500"]
        df[f"{side}_max"] = df[cols].max(axis=1)
    df["asymmetry"] = (df["left_pta"] - df["right_pta"]).abs()
    df["gain_change_db"] = df["gain_after_db"] - df["gain_before_db"]
    df["months_since_first_fit"] = (df["session_date"] - df["first_fit_date"].astype("datetime64[ns]")).dt.days / 30.4
    return df


sessions = load_sessions()
groups = sessions["wearer_id"]
print(sessions.shape, groups.nunique(), "wearers")

NUM = [
    "age", "left_pta", "right_pta", "left_slope", "right_slope", "left_max", "right_max",
    "asymmetry", "gain_change_db", "compression_ratio", "feedback_margin_db",
    "datalog_use_hours", "months_since_first_fit", "ssq_baseline_score",
]
CAT = ["device_style", "dome_type", "program_count", "audiologist_id", "complaint_category"]

X = sessions[NUM + CAT]
y = sessions["settings_accepted"].astype(int)

prep = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
])

candidates = {
    "logreg": LogisticRegression(C=0.5, max_iter=2000),
    "forest": RandomForestClassifier(n_estimators=500, min_samples_leaf=5, n_jobs=-1, random_state=0),
}

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=11)
summary = []
for name, clf in candidates.items():
    pipe = Pipeline([("prep", prep), ("clf", clf)])
    res = cross_validate(pipe, X, y, cv=cv, scoring=["roc_auc", "balanced_accuracy"])
    summary.append({
        "model": name,
        "auc": np.mean(res["test_roc_auc"]),
        "auc_sd": np.std(res["test_roc_auc"]),
        "bal_acc": np.mean(res["test_balanced_accuracy"]),
    })

print(pd.DataFrame(summary).round(3).to_string(index=False))
