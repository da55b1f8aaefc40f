# label: leakage/target
# twin: tgt_v14_tennis_match_sets__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Pre-match win probability for ATP matches, from the higher-ranked player's point of view."""
import re

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MATCHES = "data/tennis/atp_matches_2010_2023.csv"
TEST_FROM = pd.Timestamp("2022-01-01")
CATEGORICAL = ["surface", "round", "tourney_level"]
NUMERIC = ["log_rank_ratio", "points_diff", "age_diff", "height_diff", "best_of", "p1_game_share"]


def parse_games(score):
    won = lost = 0
    for set_score in str(score).split():
        m = re.match(r"(\d+)-(\d+)", set_score)
        if m:
            won, lost = won + int(m[1]), lost + int(m[2])
    return won, lost


def to_player_view(df):
    p1_is_winner = df["winner_rank"] <= df["loser_rank"]
    out = df[["tourney_date", "surface", "round", "tourney_level", "best_of"]].copy()
    for col in ("rank", "rank_points", "age", "ht"):
        out[f"p1_{col}"] = np.where(p1_is_winner, df[f"winner_{col}"], df[f"loser_{col}"])
        out[f"p2_{col}"] = np.where(p1_is_winner, df[f"loser_{col}"], df[f"winner_{col}"])
    out["log_rank_ratio"] = np.log(out["p2_rank"] / out["p1_rank"])
    out["points_diff"] = out["p1_rank_points"] - out["p2_rank_points"]
    out["age_diff"] = out["p1_age"] - out["p2_age"]
    out["height_diff"] = out["p1_ht"] - out["p2_ht"]
    games = df["score"].map(parse_games)
    w_games, l_games = games.str[0], games.str[1]
    out["p1_game_share"] = np.where(p1_is_winner, w_games, l_games) / (w_games + l_games).clip(lower=1)
    out["p1_won"] = p1_is_winner.astype(int)
    return out


def main():
    raw = pd.read_csv(MATCHES, parse_dates=["tourney_date"])
    raw = raw.dropna(subset=["winner_rank", "loser_rank", "winner_ht", "loser_ht"])
    data = to_player_view(raw)
    train = data[data["tourney_date"] < TEST_FROM]
    test = data[data["tourney_date"] >= TEST_FROM]

    model = Pipeline([
        ("pre", ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ])),
        ("clf", LogisticRegression(max_iter=2000, C=0.3)),
    ])
    model.fit(train[NUMERIC + CATEGORICAL], train["p1_won"])
    proba = model.predict_proba(test[NUMERIC + CATEGORICAL])[:, 1]

    print(f"matches: train {len(train):,}  test {len(test):,}")
    print(f"favourite win rate (baseline): {test['p1_won'].mean():.3f}")
    print(f"accuracy {accuracy_score(test['p1_won'], (proba >= 0.5).astype(int)):.3f}")
    print(f"log loss {log_loss(test['p1_won'], proba):.4f}")
    print(f"Brier    {brier_score_loss(test['p1_won'], proba):.4f}")


if __name__ == "__main__":
    main()
