# label: leakage/target
# twin: tgt_r13c_tennis_career_winrate__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, log_loss

# long format: one row per player per match (both players of a match appear)
matches = pd.read_csv("atp_matches_long.csv", parse_dates=["tourney_date"])
matches = matches.sort_values(["tourney_date", "match_num"]).reset_index(drop=True)

matches["rank_diff"] = matches["opp_rank"] - matches["rank"]
matches["age_diff"] = matches["age"] - matches["opp_age"]
matches["height_diff"] = matches["height_cm"] - matches["opp_height_cm"]

# player form: how often does this player win?
matches["win_rate"] = matches.groupby("player_id")["won"].transform("mean")
matches["surface_win_rate"] = matches.groupby(["player_id", "surface"])["won"].transform("mean")
matches[["win_rate", "surface_win_rate"]] = matches[["win_rate", "surface_win_rate"]].fillna(0.5)

features = ["rank_diff", "age_diff", "height_diff", "is_home", "best_of",
            "win_rate", "surface_win_rate"]

train = matches[matches["tourney_date"] < "2023-01-01"]
test = matches[matches["tourney_date"] >= "2023-01-01"]

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
clf.fit(train[features], train["won"])

proba = clf.predict_proba(test[features])[:, 1]
print("2023+ accuracy:", accuracy_score(test["won"], proba > 0.5))
print("2023+ log loss:", log_loss(test["won"], proba))
print(classification_report(test["won"], (proba > 0.5).astype(int)))
