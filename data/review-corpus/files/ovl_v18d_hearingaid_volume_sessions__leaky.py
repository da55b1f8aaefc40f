# label: leakage/overlap
"""Predict whether a hearing-aid wearer adjusts the volume by hand during a listening session.

Sessions are logged by the companion app; each wearer contributes many sessions.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report, RocCurveDisplay

SESSION_CSV = "exports/hearing_sessions_2023.csv"
WEARER_CSV = "exports/wearers.csv"

ACOUSTIC = ["mean_spl_db", "noise_floor_db", "speech_ratio", "reverb_t60_s",
            "wind_fraction", "music_fraction", "duration_min"]
WEARER = ["pta_left_db", "pta_right_db", "age", "months_since_fitting", "dome_type_code"]
PROGRAMS = ["auto", "restaurant", "music", "tv", "outdoor"]

XGB_PARAMS = dict(n_estimators=600, max_depth=5, learning_rate=0.05, subsample=0.8,
                  colsample_bytree=0.8, eval_metric="auc", tree_method="hist")


def load_sessions():
    sessions = pd.read_csv(SESSION_CSV, parse_dates=["start_time"])
    wearers = pd.read_csv(WEARER_CSV)
    df = sessions.merge(wearers, on="wearer_id", how="left", validate="many_to_one")
    df["hour"] = df["start_time"].dt.hour
    df["weekend"] = (df["start_time"].dt.dayofweek >= 5).astype(int)
    df["pta_asym"] = (df["pta_left_db"] - df["pta_right_db"]).abs()
    for p in PROGRAMS:
        df[f"prog_{p}"] = (df["program"] == p).astype(int)
    return df


df = load_sessions()
features = ACOUSTIC + WEARER + ["hour", "weekend", "pta_asym"] + [f"prog_{p}" for p in PROGRAMS]
X = df[features]
y = df["manual_volume_change"].astype(int)
print(f"{len(df)} sessions from {df['wearer_id'].nunique()} wearers, "
      f"adjust rate {y.mean():.3f}")

idx = np.arange(len(df))
train_idx, test_idx = train_test_split(idx, test_size=0.2, stratify=y, random_state=7)
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

spw = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
model = xgb.XGBClassifier(scale_pos_weight=spw, **XGB_PARAMS)
model.fit(X_train, y_train, verbose=False)

proba = model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

by_prog = (df.iloc[test_idx]
           .assign(p=proba)
           .groupby("program")
           .apply(lambda g: roc_auc_score(g["manual_volume_change"], g["p"])
                  if g["manual_volume_change"].nunique() > 1 else np.nan))
print(by_prog.round(3))

RocCurveDisplay.from_predictions(y_test, proba)
plt.title("manual volume change")
plt.savefig("hearing_roc.png", dpi=110)
