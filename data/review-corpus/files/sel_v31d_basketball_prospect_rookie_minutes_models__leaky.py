# label: leakage/selection
"""Rookie-season minutes projection for draft prospects.

Uses college box-score aggregates and combine measurements to project
how many minutes per game a drafted player logs in his first pro season.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DATA = "data/prospects_2008_2023.csv"

COLLEGE = ["pts_per40", "reb_per40", "ast_per40", "stl_per40", "blk_per40",
           "ts_pct", "usg_pct", "bpm", "college_games", "college_seasons"]
COMBINE = ["height_no_shoes", "wingspan", "standing_reach", "max_vert",
           "lane_agility", "sprint_3q"]
CONTEXT = ["pick_number", "age_at_draft", "team_prev_wins"]


def load_prospects(path):
    df = pd.read_csv(path)
    df = df[df["signed_rookie_contract"] == 1].copy()
    df = df.dropna(subset=COMBINE + ["rookie_mpg"])
    df["wingspan_diff"] = df["wingspan"] - df["height_no_shoes"]
    df["log_pick"] = np.log1p(df["pick_number"])
    return df


df = load_prospects(DATA)
features = COLLEGE + COMBINE + CONTEXT + ["wingspan_diff", "log_pick"]
X = df[features]
y = df["rookie_mpg"]

X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, random_state=11)

candidates = {
    "ridge": make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 30))),
    "forest": RandomForestRegressor(n_estimators=600, min_samples_leaf=4,
                                    n_jobs=-1, random_state=11),
    "gbm_shallow": GradientBoostingRegressor(max_depth=2, n_estimators=500,
                                             learning_rate=0.03, random_state=11),
    "gbm_deep": GradientBoostingRegressor(max_depth=4, n_estimators=300,
                                          learning_rate=0.05, subsample=0.8,
                                          random_state=11),
}

scores = {}
for name, model in candidates.items():
    model.fit(X_train, y_train)
    pred = model.predict(X_val)
    scores[name] = mean_absolute_error(y_val, pred)
    print(f"{name:12s} MAE={scores[name]:.2f} mpg")

best_name = min(scores, key=scores.get)
best_model = candidates[best_name]
final_pred = best_model.predict(X_val)

print("\nSelected:", best_name)
print(f"Projected rookie minutes MAE: {mean_absolute_error(y_val, final_pred):.2f}")
print(f"R^2: {r2_score(y_val, final_pred):.3f}")

report = pd.DataFrame({"player": df.loc[X_val.index, "player_name"],
                       "actual_mpg": y_val, "projected_mpg": final_pred})
report.sort_values("projected_mpg", ascending=False).to_csv(
    "out/rookie_minutes_projection.csv", index=False)
