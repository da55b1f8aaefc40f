# label: leakage/none
# twin: tgt_r13b_chess_outcome_apply__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Chess game outcomes: probability that White wins an online rated game.

Rows come from the site's game export (one row per game). Older games are
used for training and the most recent 20 % for testing.
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score

games = pd.read_csv("data/rated_games_export.csv", parse_dates=["played_at"])
games = games.drop_duplicates(subset="game_id").sort_values("played_at").reset_index(drop=True)
games = games[games["result"].isin(["1-0", "0-1", "1/2-1/2"])]


def game_features(row):
    base_s, inc_s = (int(x) for x in row["time_control"].split("+"))
    return pd.Series({
        "elo_diff": row["white_elo_pre"] - row["black_elo_pre"],
        "mean_elo": (row["white_elo_pre"] + row["black_elo_pre"]) / 2,
        "est_game_minutes": (base_s + 40 * inc_s) / 60,
        "white_games_played": row["white_games_played"],
        "black_games_played": row["black_games_played"],
        "any_provisional": int(bool(row["white_provisional"]) or bool(row["black_provisional"])),
        "eco_family": "ABCDE".find(str(row["eco"])[:1]),
    })


X = games.apply(game_features, axis=1)
y = (games["result"] == "1-0").astype(int)

cut = int(len(games) * 0.8)
X_train, X_test = X.iloc[:cut], X.iloc[cut:]
y_train, y_test = y.iloc[:cut], y.iloc[cut:]

clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, random_state=4)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

elo_only = 1 / (1 + 10 ** (-X_test["elo_diff"] / 400))
print(f"test games: {len(X_test)} (from {games['played_at'].iloc[cut]:%Y-%m-%d})")
print(f"model AUC={roc_auc_score(y_test, proba):.3f}  log-loss={log_loss(y_test, proba):.4f}")
print(f"Elo formula AUC={roc_auc_score(y_test, elo_only):.3f}")
