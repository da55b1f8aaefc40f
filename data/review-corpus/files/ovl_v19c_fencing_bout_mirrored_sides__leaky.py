# label: leakage/overlap
"""Bout outcome model for the regional epee circuit (pool + direct elimination bouts)."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, log_loss, accuracy_score

BOUTS = "data/epee_bouts_2019_2024.csv"
RATINGS = "data/fencer_ratings_snapshot.csv"

PER_FENCER = ["elo_pre", "age", "height_cm", "bouts_last_90d", "win_rate_last_90d",
              "is_left_handed", "club_size", "touch_diff_avg_last_10"]


def attach_fencer_stats(bouts, ratings):
    out = bouts
    for side in ("a", "b"):
        r = ratings.add_suffix(f"_{side}").rename(columns={f"fencer_id_{side}": f"fencer_{side}",
                                                           f"as_of_{side}": "bout_date"})
        out = out.merge(r, on=[f"fencer_{side}", "bout_date"], how="left")
    return out


def swap_sides(df):
    """Same bout seen from the other fencer's side."""
    mirrored = df.copy()
    for col in PER_FENCER:
        mirrored[f"{col}_a"], mirrored[f"{col}_b"] = df[f"{col}_b"].values, df[f"{col}_a"].values
    mirrored["fencer_a"], mirrored["fencer_b"] = df["fencer_b"].values, df["fencer_a"].values
    mirrored["a_won"] = 1 - df["a_won"]
    return mirrored


def add_diffs(df):
    for col in PER_FENCER:
        df[f"{col}_diff"] = df[f"{col}_a"] - df[f"{col}_b"]
    return df


bouts = pd.read_csv(BOUTS, parse_dates=["bout_date"])
ratings = pd.read_csv(RATINGS, parse_dates=["as_of"])
bouts = attach_fencer_stats(bouts, ratings).dropna(subset=["elo_pre_a", "elo_pre_b"])
bouts["is_de"] = (bouts["round_type"] == "DE").astype(int)
bouts["a_won"] = (bouts["touches_a"] > bouts["touches_b"]).astype(int)
print("bouts:", len(bouts), "| side-A win rate:", round(bouts["a_won"].mean(), 3))

full = pd.concat([bouts, swap_sides(bouts)], ignore_index=True)
full = add_diffs(full)

FEATURES = ([f"{c}_a" for c in PER_FENCER] + [f"{c}_b" for c in PER_FENCER]
            + [f"{c}_diff" for c in PER_FENCER] + ["is_de"])

train_df, test_df = train_test_split(full, test_size=0.2, random_state=5)

clf = xgb.XGBClassifier(
    n_estimators=500, max_depth=4, learning_rate=0.04, subsample=0.85,
    colsample_bytree=0.8, min_child_weight=5, eval_metric="logloss", n_jobs=4,
)
clf.fit(train_df[FEATURES], train_df["a_won"])

proba = clf.predict_proba(test_df[FEATURES])[:, 1]
print(f"AUC      {roc_auc_score(test_df['a_won'], proba):.4f}")
print(f"logloss  {log_loss(test_df['a_won'], proba):.4f}")
print(f"accuracy {accuracy_score(test_df['a_won'], proba > 0.5):.4f}")

elo_only = (test_df["elo_pre_diff"] > 0).astype(int)
print(f"higher-elo baseline accuracy {accuracy_score(test_df['a_won'], elo_only):.4f}")

for kind, part in test_df.assign(p=proba).groupby("is_de"):
    print("DE" if kind else "pool", round(roc_auc_score(part["a_won"], part["p"]), 4))
