# label: leakage/none
# twin: tgt_r13b_podcast_show_rate_logit__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Podcast listening: does a new listener finish the first episode they start?

One row per listener (their first play). The show's finish rate is a strong
signal, encoded with additive smoothing towards the global rate.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import KFold, train_test_split

FORMULA = ("finished ~ show_finish_rate + np.log1p(episode_minutes) + C(platform)"
           " + is_subscribed + started_from_queue + episode_age_days")


def smoothed_rate(fit_rows, apply_rows, prior, m=20):
    """Finish rate per show from `fit_rows`, shrunk towards `prior`, mapped onto `apply_rows`."""
    stats = fit_rows.groupby("show_id")["finished"].agg(["sum", "count"])
    rate = (stats["sum"] + m * prior) / (stats["count"] + m)
    return apply_rows["show_id"].map(rate).fillna(prior)


plays = pd.read_csv("data/podcast_first_plays.csv").drop_duplicates(subset="listener_id")
plays = plays.reset_index(drop=True)

train, test = train_test_split(plays, test_size=0.25, stratify=plays["finished"], random_state=9)
train, test = train.copy(), test.copy()

# out-of-fold encoding on the training rows (a row never sees its own label),
# training-only rates for the test rows
prior = train["finished"].mean()
train["show_finish_rate"] = prior
for fit_idx, enc_idx in KFold(n_splits=5, shuffle=True, random_state=9).split(train):
    rows = train.index[enc_idx]
    train.loc[rows, "show_finish_rate"] = smoothed_rate(train.iloc[fit_idx], train.loc[rows], prior)
test["show_finish_rate"] = smoothed_rate(train, test, prior)

result = smf.logit(FORMULA, data=train).fit(disp=0)
print(result.summary().tables[1])

proba = result.predict(test)
print(f"test listeners: {len(test)}, finish rate {test['finished'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['finished'], proba):.3f}")
print(f"Brier:   {brier_score_loss(test['finished'], proba):.4f}")
