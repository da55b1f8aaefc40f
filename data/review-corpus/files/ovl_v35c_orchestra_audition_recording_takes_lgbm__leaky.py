# label: leakage/overlap
"""Pre-screening model for orchestra audition recordings.

Candidates upload several takes of the set excerpts; the panel decides per
candidate whether they are invited to the live round. We score each take from
its audio descriptors and average the take scores per candidate.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold

FEATURES = [
    "pitch_dev_cents_mean", "pitch_dev_cents_p90", "tempo_cv", "onset_jitter_ms",
    "rhythm_accuracy", "dynamic_range_db", "spectral_centroid_hz", "spectral_flatness",
    "hnr_db", "vibrato_rate_hz", "vibrato_extent_cents", "noise_floor_db",
    "duration_s", "excerpt_id", "instrument",
]
CATEGORICAL = ["excerpt_id", "instrument"]


def load_takes():
    takes = pd.read_csv("audition_takes_features.csv")
    outcomes = pd.read_csv("panel_outcomes.csv")  # candidate_id, invited
    df = takes.merge(outcomes, on="candidate_id", how="inner")
    df = df[df["duration_s"] > 20]
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df.reset_index(drop=True)


def run_cv(df, n_splits=5, seed=21):
    X, y = df[FEATURES], df["invited"].to_numpy()
    cv = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    oof = np.zeros(len(df))
    for fold, (tr_idx, va_idx) in enumerate(cv.split(X, y)):
        model = lgb.LGBMClassifier(
            n_estimators=600,
            learning_rate=0.03,
            num_leaves=31,
            min_child_samples=20,
            subsample=0.8,
            subsample_freq=1,
            colsample_bytree=0.8,
            random_state=seed,
            verbose=-1,
        )
        model.fit(X.iloc[tr_idx], y[tr_idx], categorical_feature=CATEGORICAL)
        oof[va_idx] = model.predict_proba(X.iloc[va_idx])[:, 1]
        print(f"fold {fold}: take AUC {roc_auc_score(y[va_idx], oof[va_idx]):.3f}")
    return oof


def candidate_summary(df, oof):
    scored = df[["candidate_id", "invited"]].assign(score=oof)
    per_cand = scored.groupby("candidate_id").agg(score=("score", "mean"), invited=("invited", "first"))
    auc = roc_auc_score(per_cand["invited"], per_cand["score"])
    bacc = balanced_accuracy_score(per_cand["invited"], per_cand["score"] > 0.5)
    return per_cand, auc, bacc


if __name__ == "__main__":
    df = load_takes()
    print(f"{len(df)} takes from {df['candidate_id'].nunique()} candidates")
    oof = run_cv(df)
    print(f"take-level AUC: {roc_auc_score(df['invited'], oof):.3f}")
    per_cand, auc, bacc = candidate_summary(df, oof)
    print(f"candidate-level AUC: {auc:.3f}  balanced acc @0.5: {bacc:.3f}")
    per_cand.sort_values("score", ascending=False).to_csv("candidate_scores_cv.csv")
