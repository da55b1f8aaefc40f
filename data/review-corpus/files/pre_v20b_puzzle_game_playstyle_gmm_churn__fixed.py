# label: leakage/none
"""Day-30 churn for the match-3 puzzle game, from first-week telemetry.

Players are soft-assigned to play-style segments with a Gaussian mixture over
their first-week behaviour; segment memberships are added as model inputs.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.mixture import GaussianMixture
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PowerTransformer
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, log_loss, precision_recall_curve, auc

PLAYERS = "warehouse/players_week1.parquet"
LABEL = "churned_d30"
N_SEGMENTS = 6
SEED = 2024

BEHAVIOUR = [
    "sessions_w1", "avg_session_min", "levels_cleared_w1", "boosters_used_w1",
    "lives_refill_waits", "fail_rate_w1", "days_active_w1", "social_invites_w1",
]
CONTEXT = ["iap_spend_w1", "ads_watched_w1", "install_hour", "device_ram_gb", "tutorial_skipped"]


def load_players(path):
    df = pd.read_parquet(path)
    df = df[df["days_since_install"] >= 30].copy()
    df["fail_rate_w1"] = df["levels_failed_w1"] / df["levels_attempted_w1"].clip(lower=1)
    df["install_hour"] = pd.to_datetime(df["install_ts"]).dt.hour
    return df.reset_index(drop=True)


def segment_features(segmenter, frame):
    probs = segmenter.predict_proba(frame[BEHAVIOUR])
    cols = [f"seg_{k}" for k in range(probs.shape[1])]
    out = pd.DataFrame(probs, columns=cols, index=frame.index)
    out["seg_top"] = probs.argmax(axis=1)
    return out


def pr_auc(y_true, proba):
    precision, recall, _ = precision_recall_curve(y_true, proba)
    return auc(recall, precision)


players = load_players(PLAYERS)
print(f"{len(players):,} players, churn rate {players[LABEL].mean():.3f}")

segmenter = make_pipeline(
    PowerTransformer(method="yeo-johnson"),
    GaussianMixture(n_components=N_SEGMENTS, covariance_type="full", n_init=3, random_state=SEED),
)

train, test = train_test_split(players, test_size=0.25, stratify=players[LABEL], random_state=SEED)
segmenter.fit(train[BEHAVIOUR])

X_train = pd.concat([train[BEHAVIOUR + CONTEXT], segment_features(segmenter, train)], axis=1)
X_test = pd.concat([test[BEHAVIOUR + CONTEXT], segment_features(segmenter, test)], axis=1)
y_train, y_test = train[LABEL], test[LABEL]

print(X_train.groupby("seg_top").size().rename("players"))
print(train.assign(seg=X_train["seg_top"]).groupby("seg")[LABEL].mean().round(3))

clf = lgb.LGBMClassifier(
    n_estimators=500, learning_rate=0.03, num_leaves=31, min_child_samples=50,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
)
clf.fit(X_train, y_train, categorical_feature=["seg_top"])

proba = clf.predict_proba(X_test)[:, 1]
print(f"test ROC-AUC  {roc_auc_score(y_test, proba):.4f}")
print(f"test PR-AUC   {pr_auc(y_test, proba):.4f}")
print(f"test log loss {log_loss(y_test, proba):.4f}")

gain = pd.Series(clf.booster_.feature_importance("gain"), index=X_train.columns)
print(gain.sort_values(ascending=False).head(12).round(1))
