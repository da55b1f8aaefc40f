# label: leakage/overlap
# twin: ovl_r17a_physio_knee_rehab_session_folds__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Post-ACL-reconstruction rehab: will the patient reach the 12-week return-to-run criteria?

Every outpatient physiotherapy session produces one row of measurements
(knee flexion, extension lag, single-leg hop symmetry, pain score, ...).
The outcome is recorded once per rehab episode and attached to its sessions.
Apache-2.0.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import roc_auc_score, f1_score

SESSIONS = "clinic/rehab_sessions.csv"
EPISODES = "clinic/rehab_episodes.csv"
N_FOLDS = 5

MEASURES = [
    "flexion_deg", "extension_lag_deg", "quad_lsi_pct", "hop_lsi_pct",
    "pain_nrs", "effusion_grade", "koos_sport", "step_down_quality",
]
STATIC = ["age", "sex_male", "bmi", "graft_hamstring", "meniscal_repair", "tegner_pre_injury"]


def load_sessions():
    s = pd.read_csv(SESSIONS, parse_dates=["session_date"])
    e = pd.read_csv(EPISODES, parse_dates=["surgery_date"])
    df = s.merge(e, on="episode_id", how="inner")
    df["weeks_post_op"] = (df["session_date"] - df["surgery_date"]).dt.days / 7
    df = df[df["weeks_post_op"] <= 8].copy()
    df["sex_male"] = (df["sex"] == "M").astype(int)
    df["graft_hamstring"] = (df["graft_type"] == "hamstring").astype(int)
    return df.sort_values(["episode_id", "session_date"])


def add_trend(df):
    g = df.groupby("episode_id")
    for col in ["flexion_deg", "quad_lsi_pct", "pain_nrs"]:
        df[f"{col}_delta"] = g[col].diff().fillna(0)
    df["session_no"] = g.cumcount() + 1
    return df


df = add_trend(load_sessions())
features = MEASURES + STATIC + ["weeks_post_op", "session_no",
                                "flexion_deg_delta", "quad_lsi_pct_delta", "pain_nrs_delta"]
df = df.dropna(subset=features)
X = df[features].to_numpy()
y = df["rtr_at_12wk"].to_numpy()
episodes = df["episode_id"].to_numpy()
print(f"{len(df)} sessions from {len(np.unique(episodes))} episodes; positive rate {y.mean():.2f}")

cv = StratifiedKFold(n_splits=N_FOLDS, shuffle=True, random_state=17)
oof = np.zeros(len(y))
fold_auc = []
for fold, (tr, va) in enumerate(cv.split(X, y)):
    gbm = GradientBoostingClassifier(
        n_estimators=300, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=fold
    )
    gbm.fit(X[tr], y[tr])
    oof[va] = gbm.predict_proba(X[va])[:, 1]
    fold_auc.append(roc_auc_score(y[va], oof[va]))
    print(f"fold {fold}: AUC {fold_auc[-1]:.3f}  n_val={len(va)}")

print(f"mean AUC {np.mean(fold_auc):.3f} +/- {np.std(fold_auc):.3f}")
print(f"pooled OOF AUC {roc_auc_score(y, oof):.3f}, F1@0.5 {f1_score(y, oof > 0.5):.3f}")

# one prediction per episode: average over its sessions
per_episode = pd.DataFrame({"episode": episodes, "p": oof, "y": y}).groupby("episode").mean()
print(f"episode-level AUC {roc_auc_score(per_episode.y, per_episode.p):.3f}")

plt.figure(figsize=(6, 4))
plt.hist(per_episode.loc[per_episode.y == 1, "p"], bins=20, alpha=0.6, label="reached criteria")
plt.hist(per_episode.loc[per_episode.y == 0, "p"], bins=20, alpha=0.6, label="did not")
plt.xlabel("mean predicted probability")
plt.legend()
plt.tight_layout()
plt.savefig("rtr_episode_scores.png")
