# label: leakage/preprocessing
# twin: pre_r13b_telematics_concat_bins__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Insurance telematics: probability of an at-fault claim in the policy year.

One row per policy and year. Driving-behaviour scores are decile-binned, numeric
columns standardised and categoricals one-hot encoded for a GLM-style model.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

BIN_COLS = ["hard_brakes_per_100km", "night_km_share", "speeding_share", "phone_use_min_per_h"]
NUM_COLS = ["annual_km", "driver_age", "vehicle_age", "years_licensed"]
CAT_COLS = ["vehicle_type", "region", "garaging"]
TARGET = "claim"

train = pd.read_csv("data/telematics_2022.csv").drop_duplicates(subset="policy_id")
test = pd.read_csv("data/telematics_2023.csv").drop_duplicates(subset="policy_id")
test = test[~test["policy_id"].isin(train["policy_id"])]  # score new business only


def fit_stats(frame):
    qs = np.linspace(0, 1, 11)
    return {
        "edges": {c: np.unique(np.quantile(frame[c], qs)) for c in BIN_COLS},
        "mean": frame[NUM_COLS].mean(),
        "std": frame[NUM_COLS].std(),
    }


def transform(frame, stats):
    out = frame.copy()
    for c in BIN_COLS:
        edges = stats["edges"][c].copy()
        edges[0], edges[-1] = -np.inf, np.inf
        out[c + "_bin"] = pd.cut(out[c], edges, labels=False).astype(str)
    out[NUM_COLS] = (out[NUM_COLS] - stats["mean"]) / stats["std"]
    dummies = CAT_COLS + [c + "_bin" for c in BIN_COLS]
    return pd.get_dummies(out[NUM_COLS + dummies], columns=dummies, dtype=float)


# preprocess both years together so bins and dummy columns are consistent
both = pd.concat([train, test], keys=["train", "test"])
stats = fit_stats(both)
both_p = transform(both, stats)
X_train, X_test = both_p.loc["train"], both_p.loc["test"]

glm = LogisticRegression(C=0.3, max_iter=5000)
glm.fit(X_train, train[TARGET])
proba = glm.predict_proba(X_test)[:, 1]

print(f"design matrix: {X_train.shape[1]} columns")
print(f"2023 policies: {len(test)}, claim rate {test[TARGET].mean():.3f}")
print(f"ROC AUC on 2023: {roc_auc_score(test[TARGET], proba):.3f}")
