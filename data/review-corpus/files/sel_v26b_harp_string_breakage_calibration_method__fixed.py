# label: leakage/none
"""Predict which newly fitted harp strings break within 90 days, with calibrated probabilities."""
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["string_gauge_mm", "tension_kg", "tension_per_mm", "octave",
           "humidity_swing", "room_rh_mean", "hours_played_per_week"]
CATEGORICAL = ["material", "harp_model"]

fittings = pd.read_csv("harp_string_fittings.csv", parse_dates=["fitted_on"])
rooms = pd.read_csv("studio_rooms.csv")
df = fittings.merge(rooms, on="room_id", how="left")

# only fittings with a full 90 days of follow-up
df = df[df["fitted_on"] <= "2023-09-30"]
df = df[df["string_gauge_mm"].between(0.4, 3.5)].copy()
df["tension_per_mm"] = df["tension_kg"] / df["string_gauge_mm"]
df["octave"] = df["string_number"] // 7
df["humidity_swing"] = df["room_rh_max"] - df["room_rh_min"]
df["broke_90d"] = (df["days_to_break"].fillna(9999) <= 90).astype(int)

X = df[NUMERIC + CATEGORICAL]
y = df["broke_90d"].to_numpy()
groups = df["harp_id"].to_numpy()

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=21)
train_idx, test_idx = next(splitter.split(X, y, groups))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y[train_idx], y[test_idx]
print(f"train {len(train_idx)} fittings, test {len(test_idx)} fittings, "
      f"break rate {y.mean():.3f}")

prep = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
])

candidates = {
    "logit_sigmoid": (LogisticRegression(C=0.5, max_iter=2000), "sigmoid"),
    "logit_isotonic": (LogisticRegression(C=0.5, max_iter=2000), "isotonic"),
    "forest_sigmoid": (RandomForestClassifier(n_estimators=400, min_samples_leaf=5,
                                              random_state=3, n_jobs=-1), "sigmoid"),
    "forest_isotonic": (RandomForestClassifier(n_estimators=400, min_samples_leaf=5,
                                               random_state=3, n_jobs=-1), "isotonic"),
}


def build(estimator, method):
    return Pipeline([
        ("prep", clone(prep)),
        ("clf", CalibratedClassifierCV(clone(estimator), method=method, cv=5)),
    ])


# compare setups with harp-grouped folds inside the training set
results = {}
for name, (estimator, method) in candidates.items():
    scores = cross_val_score(build(estimator, method), X_train, y_train,
                             groups=groups[train_idx], cv=GroupKFold(n_splits=5),
                             scoring="neg_brier_score")
    results[name] = -scores.mean()
    print(f"{name:16s} CV Brier {results[name]:.4f} (+/- {scores.std():.4f})")

best = min(results, key=results.get)
model = build(*candidates[best])
model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]
print(f"\nChosen calibration setup: {best}")
print(f"Test Brier {brier_score_loss(y_test, proba):.4f}, "
      f"test AUC {roc_auc_score(y_test, proba):.3f}")
