# label: leakage/target
"""Predict which hackathon teams win a prize from team makeup, submission metadata and mentor record."""
import numpy as np
import polars as pl
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

teams = pl.read_csv("hackathon_teams.csv", try_parse_dates=True)
members = pl.read_parquet("team_members.parquet")
events = pl.read_csv("events.csv", try_parse_dates=True)

member_feats = members.group_by("team_id").agg(
    pl.len().alias("team_size"),
    pl.col("years_experience").mean().alias("mean_experience"),
    pl.col("is_student").mean().alias("student_share"),
    pl.col("previous_hackathons").sum().alias("team_prior_hackathons"),
    pl.col("role").n_unique().alias("distinct_roles"),
)

df = (
    teams.join(member_feats, on="team_id", how="left")
    .join(events.select(["event_id", "event_date", "n_teams", "theme"]), on="event_id", how="left")
    .filter(pl.col("won_prize").is_not_null())
    .sort("event_date")
)

df = df.with_columns(
    (pl.col("commits_last_6h") / (pl.col("commits_total") + 1)).alias("late_commit_share"),
    pl.col("repo_languages").str.split(",").list.len().alias("n_languages"),
    (pl.col("team_size") / pl.col("n_teams")).alias("size_vs_field"),
    pl.col("won_prize").mean().over("mentor_id").alias("mentor_prize_rate"),
    (pl.col("theme") == "climate").cast(pl.Int8).alias("theme_climate"),
    (pl.col("theme") == "health").cast(pl.Int8).alias("theme_health"),
)

features = ["team_size", "mean_experience", "student_share", "team_prior_hackathons",
            "distinct_roles", "late_commit_share", "n_languages", "size_vs_field",
            "demo_video", "mentor_prize_rate", "theme_climate", "theme_health"]
df = df.with_columns(pl.col(features).fill_null(0).cast(pl.Float64))

cutoff = df["event_date"].quantile(0.75)
train = df.filter(pl.col("event_date") <= cutoff)
test = df.filter(pl.col("event_date") > cutoff)

X_train = train.select(features).to_numpy()
y_train = train["won_prize"].to_numpy().astype(int)
X_test = test.select(features).to_numpy()
y_test = test["won_prize"].to_numpy().astype(int)

model = GradientBoostingClassifier(n_estimators=250, max_depth=3, learning_rate=0.05,
                                   subsample=0.8, random_state=4)
model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]

print(f"train teams: {len(train)}, test teams: {len(test)}")
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"test PR AUC: {average_precision_score(y_test, proba):.4f}")
top = np.argsort(-model.feature_importances_)[:5]
print("top features:", [features[i] for i in top])
