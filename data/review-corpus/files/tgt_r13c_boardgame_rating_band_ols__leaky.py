# label: leakage/target
# twin: tgt_r13c_boardgame_rating_band_ols__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, r2_score

games = pd.read_csv("bgg_games.csv")
games = games[(games["users_rated"] >= 30) & (games["is_expansion"] == 0)]
games = games.drop_duplicates(subset="game_id")

games["log_play_time"] = np.log1p(games["playing_time_min"])
games["player_span"] = games["max_players"] - games["min_players"]
games["rating_band"] = pd.qcut(games["average_rating"], q=5, labels=False)

features = ["year_published", "min_players", "player_span", "log_play_time", "min_age",
            "complexity_weight", "n_mechanics", "n_categories", "rating_band"]
data = games[features + ["average_rating"]].dropna()
X = data[features]
y = data["average_rating"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=8)

ols = sm.OLS(y_train, sm.add_constant(X_train)).fit()
print(ols.summary())

pred = ols.predict(sm.add_constant(X_test))
print("test MAE: %.3f rating points" % mean_absolute_error(y_test, pred))
print("test R2: %.3f" % r2_score(y_test, pred))

worst = (y_test - pred).abs().sort_values(ascending=False).head(10).index
print(games.loc[worst, ["name", "average_rating"]].assign(pred=pred[worst].round(2)))
