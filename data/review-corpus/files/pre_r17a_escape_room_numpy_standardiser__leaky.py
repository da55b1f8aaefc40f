# label: leakage/preprocessing
# twin: pre_r17a_escape_room_numpy_standardiser__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Escape-room booking analytics: does a team get out before the clock runs out?

Booking system export joined with the game-master's session sheet.
SPDX-License-Identifier: Apache-2.0
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, accuracy_score, confusion_matrix

NUMERIC = [
    "team_size", "n_first_timers", "avg_age", "age_spread", "lead_time_days",
    "room_difficulty", "room_puzzle_count", "prior_visits_booker", "slot_hour",
]
BINARY = ["is_weekend", "corporate_booking", "birthday_party", "english_session"]


class Standardiser:
    """Clip to robust bounds, then centre and scale each column."""

    def __init__(self, lower_q=1.0, upper_q=99.0):
        self.lower_q = lower_q
        self.upper_q = upper_q

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        self.lo_ = np.nanpercentile(X, self.lower_q, axis=0)
        self.hi_ = np.nanpercentile(X, self.upper_q, axis=0)
        clipped = np.clip(X, self.lo_, self.hi_)
        self.mu_ = np.nanmean(clipped, axis=0)
        self.sd_ = np.nanstd(clipped, axis=0)
        self.sd_[self.sd_ == 0] = 1.0
        return self

    def transform(self, X):
        X = np.clip(np.asarray(X, dtype=float), self.lo_, self.hi_)
        return (X - self.mu_) / self.sd_


def read_sessions(path="escape/sessions_2022_2024.csv"):
    df = pd.read_csv(path, parse_dates=["slot_start", "booked_at"])
    df = df[df["status"] == "played"].copy()
    df["lead_time_days"] = (df["slot_start"] - df["booked_at"]).dt.days
    df["slot_hour"] = df["slot_start"].dt.hour
    df["is_weekend"] = (df["slot_start"].dt.dayofweek >= 5).astype(int)
    df["escaped"] = (df["outcome"] == "escaped").astype(int)
    return df.dropna(subset=NUMERIC)


sessions = read_sessions()
print(sessions["escaped"].value_counts(normalize=True))

X_num = sessions[NUMERIC].to_numpy()
X_bin = sessions[BINARY].to_numpy(dtype=float)
y = sessions["escaped"].to_numpy()

scaler = Standardiser().fit(X_num)
X = np.hstack([scaler.transform(X_num), X_bin])

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=21)

logit = LogisticRegression(C=0.5, max_iter=2000)
logit.fit(X_tr, y_tr)
p = logit.predict_proba(X_te)[:, 1]

print(f"AUC      {roc_auc_score(y_te, p):.3f}")
print(f"accuracy {accuracy_score(y_te, p > 0.5):.3f}")
print(confusion_matrix(y_te, p > 0.5))

coef = pd.Series(logit.coef_[0], index=NUMERIC + BINARY).sort_values()
fig, ax = plt.subplots(figsize=(6, 5))
coef.plot.barh(ax=ax, color=np.where(coef > 0, "tab:green", "tab:red"))
ax.set_title("Standardised log-odds per feature")
fig.tight_layout()
fig.savefig("escape_coefficients.png")
