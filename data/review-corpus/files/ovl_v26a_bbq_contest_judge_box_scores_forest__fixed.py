# label: leakage/none
"""Predict an individual judge's score for a barbecue competition turn-in box."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

scores = pd.read_csv("bbq_judge_scores.csv")    # one row per judge per turn-in box
entries = pd.read_csv("bbq_entries.csv")        # one row per box: team, contest, meat, cook log
teams = pd.read_csv("bbq_teams.csv")
contests = pd.read_csv("bbq_contests.csv")

df = (
    scores.merge(entries, on="entry_id", how="inner")
    .merge(teams[["team_id", "seasons_competed", "smoker_type", "home_state"]], on="team_id", how="left")
    .merge(contests[["contest_id", "contest_state", "teams_registered"]], on="contest_id", how="left")
)
df = df[df["score_total"].between(2, 36)].copy()
df["cook_hours"] = df["cook_minutes"] / 60.0
df["rest_minutes"] = (
    pd.to_datetime(df["turn_in_time"]) - pd.to_datetime(df["off_smoker_time"])
).dt.total_seconds() / 60.0
df["judge_is_master"] = (df["judge_level"].str.lower() == "master").astype(int)
df["same_state"] = (df["home_state"] == df["contest_state"]).astype(int)
df["seasons_competed"] = df["seasons_competed"].fillna(0)
df["wood_type"] = df["wood_type"].fillna("unknown").str.lower()
print(df.shape, df["entry_id"].nunique(), "boxes")

cat_cols = ["meat_category", "smoker_type", "wood_type", "sauce_style", "box_garnish"]
num_cols = ["cook_hours", "rest_minutes", "pit_temp_avg_f", "seasons_competed", "judge_years",
            "judge_is_master", "same_state", "table_position", "teams_registered"]
X = df[cat_cols + num_cols]
y = df["score_total"]

# a team's boxes stay on one side of the split
splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3)
train_idx, test_idx = next(splitter.split(X, y, groups=df["team_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

prep = ColumnTransformer(
    [("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), cat_cols)],
    remainder="passthrough",
)
model = Pipeline([
    ("prep", prep),
    ("rf", RandomForestRegressor(n_estimators=500, min_samples_leaf=3, max_features=0.5,
                                 n_jobs=-1, random_state=3)),
])
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"MAE: {mean_absolute_error(y_test, pred):.3f} points")
print(f"R^2: {r2_score(y_test, pred):.3f}")
report = pd.DataFrame({"meat": X_test["meat_category"].to_numpy(), "err": np.abs(y_test.to_numpy() - pred)})
print(report.groupby("meat")["err"].mean().round(3))
