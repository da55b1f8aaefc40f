# label: leakage/none
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score, brier_score_loss
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUM = [
    "difficulty", "terrain", "cache_age_days", "finder_finds_before", "finder_years_active",
    "hint_length", "canopy_cover_pct", "distance_to_trail_m", "elevation_m", "month", "weekend",
]
CAT = ["cache_type", "container_size", "region"]
ROUNDS = 30


def load_attempts(path="data/geocache_attempts.csv"):
    logs = pd.read_csv(path, parse_dates=["attempt_date"])
    logs = logs[logs["log_type"].isin(["Found it", "Didn't find it"])].copy()
    logs["found"] = (logs["log_type"] == "Found it").astype(int)
    logs["month"] = logs["attempt_date"].dt.month
    logs["weekend"] = (logs["attempt_date"].dt.dayofweek >= 5).astype(int)
    return logs


def make_prep(scale):
    num_step = StandardScaler() if scale else "passthrough"
    return ColumnTransformer([
        ("num", num_step, NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
    ])


def base_models():
    return {
        "logreg": Pipeline([("prep", make_prep(True)), ("m", LogisticRegression(C=0.5, max_iter=2000))]),
        "rf": Pipeline([("prep", make_prep(False)), ("m", RandomForestClassifier(400, min_samples_leaf=5, n_jobs=-1, random_state=0))]),
        "extra": Pipeline([("prep", make_prep(False)), ("m", ExtraTreesClassifier(400, min_samples_leaf=3, n_jobs=-1, random_state=0))]),
        "lgbm": Pipeline([("prep", make_prep(False)), ("m", lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=31, subsample=0.8, subsample_freq=1, verbose=-1))]),
    }


def greedy_blend(preds, y_true, rounds=ROUNDS):
    """Forward selection with replacement over model predictions."""
    chosen, current = [], np.zeros(len(y_true))
    for _ in range(rounds):
        losses = {}
        for name, p in preds.items():
            trial = (current * len(chosen) + p) / (len(chosen) + 1)
            losses[name] = log_loss(y_true, np.clip(trial, 1e-6, 1 - 1e-6))
        pick = min(losses, key=losses.get)
        chosen.append(pick)
        current = (current * (len(chosen) - 1) + preds[pick]) / len(chosen)
    return pd.Series(chosen).value_counts(normalize=True)


def split_by_cache(frame, test_size, seed=8):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(frame, groups=frame["cache_id"]))
    return frame.iloc[a], frame.iloc[b]


def blend(preds, weights):
    return sum(weights[name] * preds[name] for name in weights.index)


attempts = load_attempts()
print(attempts["found"].mean(), len(attempts))

train_df, test_df = split_by_cache(attempts, 0.2)
fit_df, val_df = split_by_cache(train_df, 0.2)

models = base_models()
val_preds, test_preds = {}, {}
for name, model in models.items():
    model.fit(fit_df[NUM + CAT], fit_df["found"])
    val_preds[name] = model.predict_proba(val_df[NUM + CAT])[:, 1]
    test_preds[name] = model.predict_proba(test_df[NUM + CAT])[:, 1]
    print(f"{name:>7}: test AUC {roc_auc_score(test_df['found'], test_preds[name]):.4f}")

weights = greedy_blend(val_preds, val_df["found"].to_numpy())
print("ensemble weights:")
print(weights.round(3))

final = blend(test_preds, weights)
print(f"ensemble test AUC     {roc_auc_score(test_df['found'], final):.4f}")
print(f"ensemble test logloss {log_loss(test_df['found'], final):.4f}")
print(f"ensemble test Brier   {brier_score_loss(test_df['found'], final):.4f}")
