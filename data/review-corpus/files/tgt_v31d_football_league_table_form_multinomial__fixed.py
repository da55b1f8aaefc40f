# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss
from sklearn.preprocessing import StandardScaler

matches = pd.read_csv("data/league_matches_2012_2023.csv", parse_dates=["kickoff"])
# season, kickoff, home_team, away_team, home_goals, away_goals, home_elo_pre, away_elo_pre
matches = matches.sort_values("kickoff").reset_index(drop=True)
matches["match_id"] = np.arange(len(matches))
matches["result"] = np.select(
    [matches["home_goals"] > matches["away_goals"], matches["home_goals"] == matches["away_goals"]],
    ["H", "D"], default="A")


def team_rows(m):
    home = pd.DataFrame({"match_id": m["match_id"], "season": m["season"], "kickoff": m["kickoff"],
                         "team": m["home_team"], "gf": m["home_goals"], "ga": m["away_goals"],
                         "side": "home"})
    away = pd.DataFrame({"match_id": m["match_id"], "season": m["season"], "kickoff": m["kickoff"],
                         "team": m["away_team"], "gf": m["away_goals"], "ga": m["home_goals"],
                         "side": "away"})
    t = pd.concat([home, away]).sort_values(["kickoff", "match_id"]).reset_index(drop=True)
    t["pts"] = np.select([t["gf"] > t["ga"], t["gf"] == t["ga"]], [3, 1], default=0)
    return t


def add_table_features(t):
    g = t.groupby(["season", "team"], sort=False)
    t["played"] = g.cumcount()
    t["ppg"] = (g["pts"].cumsum() - t["pts"]) / t["played"]
    t["gd_pg"] = ((g["gf"].cumsum() - t["gf"]) - (g["ga"].cumsum() - t["ga"])) / t["played"]
    t["form5"] = g["pts"].transform(lambda s: s.shift(1).rolling(5, min_periods=1).mean())
    t["gf5"] = g["gf"].transform(lambda s: s.shift(1).rolling(5, min_periods=1).mean())
    return t


tables = add_table_features(team_rows(matches))
cols = ["ppg", "gd_pg", "form5", "gf5"]
home_f = tables[tables["side"] == "home"].set_index("match_id")[cols].add_prefix("h_")
away_f = tables[tables["side"] == "away"].set_index("match_id")[cols].add_prefix("a_")
df = matches.set_index("match_id").join(home_f).join(away_f).reset_index()

for c in cols:
    df[f"diff_{c}"] = df[f"h_{c}"] - df[f"a_{c}"]
df["elo_diff"] = df["home_elo_pre"] - df["away_elo_pre"]

features = ["elo_diff"] + [f"diff_{c}" for c in cols] + [f"h_{c}" for c in cols] + [f"a_{c}" for c in cols]
df = df.dropna(subset=features)

train = df[df["season"] < 2022]
test = df[df["season"] == 2022]

scaler = StandardScaler().fit(train[features])
clf = LogisticRegression(C=0.3, max_iter=3000)
clf.fit(scaler.transform(train[features]), train["result"])

proba = clf.predict_proba(scaler.transform(test[features]))
pred = clf.classes_[proba.argmax(axis=1)]
print("classes:", clf.classes_)
print(f"accuracy {accuracy_score(test['result'], pred):.3f}")
print(f"log loss {log_loss(test['result'], proba, labels=clf.classes_):.4f}")
print(f"home-win rate baseline {(test['result'] == 'H').mean():.3f}")
