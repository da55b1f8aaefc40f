# label: leakage/none
"""Will this league game clear 200?

One row per game bowled in the autumn leagues; each bowler appears in many
games. Features are the lane / oil-pattern conditions plus what the pro shop
knows about the bowler and their equipment.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, log_loss, brier_score_loss

SETTINGS = dict(
    games_csv="exports/league_games_2023.csv",
    bowlers_csv="exports/bowler_profiles.csv",
    threshold=200,
    test_fraction=0.2,
    seed=8,
)

OIL_PATTERNS = {"house": 0, "sport_short": 1, "sport_medium": 2, "sport_long": 3}


def build_frame(cfg):
    games = pd.read_csv(cfg["games_csv"], parse_dates=["game_date"])
    bowlers = pd.read_csv(cfg["bowlers_csv"])
    df = games.merge(bowlers, on="bowler_id", how="left", validate="many_to_one")
    df["oil_level"] = df["oil_pattern"].map(OIL_PATTERNS).fillna(0)
    df["lefty"] = (df["hand"] == "L").astype(int)
    df["game_in_series"] = df.groupby(["bowler_id", "series_id"]).cumcount() + 1
    df["lane_pair"] = df["lane"].sub(1).floordiv(2)
    df["cleared"] = (df["score"] >= cfg["threshold"]).astype(int)
    return df


FEATURES = [
    "oil_level", "oil_length_ft", "lane_pair", "game_in_series", "lane_age_years",
    "lefty", "ball_weight_lb", "rev_rate_rpm", "ball_speed_mph", "axis_tilt_deg",
    "years_bowling", "two_handed", "ball_coverstock_reactive",
]

df = build_frame(SETTINGS)
print(f"{len(df)} games from {df['bowler_id'].nunique()} bowlers")

X = df[FEATURES]
y = df["cleared"]
splitter = GroupShuffleSplit(n_splits=1, test_size=SETTINGS["test_fraction"], random_state=SETTINGS["seed"])
train_idx, test_idx = next(splitter.split(X, y, groups=df["bowler_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

model = xgb.XGBClassifier(
    n_estimators=600,
    max_depth=5,
    learning_rate=0.04,
    subsample=0.85,
    colsample_bytree=0.8,
    min_child_weight=4,
    eval_metric="logloss",
    random_state=SETTINGS["seed"],
)
model.fit(X_train, y_train)

p = model.predict_proba(X_test)[:, 1]
print(f"AUC    {roc_auc_score(y_test, p):.3f}")
print(f"logloss {log_loss(y_test, p):.3f}")
print(f"Brier  {brier_score_loss(y_test, p):.3f}")

gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
print(gain.sort_values(ascending=False).round(2).to_string())
