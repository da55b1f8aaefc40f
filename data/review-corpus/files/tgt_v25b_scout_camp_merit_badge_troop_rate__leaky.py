# label: leakage/target
"""Predict whether a scout completes the merit badge they signed up for at summer camp."""
import polars as pl
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

signups = pl.read_csv("camp_badge_signups.csv", try_parse_dates=True)
scouts = pl.read_csv("scout_roster.csv", try_parse_dates=True)
badges = pl.read_csv("badge_catalog.csv")

df = (signups.join(scouts, on="scout_id", how="left")
             .join(badges.select(["badge_code", "difficulty", "eagle_required", "class_hours"]),
                   on="badge_code", how="left")
             .filter(pl.col("status") != "withdrawn_before_camp"))

df = df.with_columns([
    ((pl.col("camp_start") - pl.col("birth_date")).dt.total_days() / 365.25).alias("age"),
    (pl.col("season") - pl.col("joined_year")).alias("years_in_troop"),
    pl.col("eagle_required").cast(pl.Int8),
    (pl.col("class_hours") / pl.col("camp_nights")).alias("hours_per_night"),
    pl.len().over(["scout_id", "season"]).alias("badges_this_camp"),
])

# how well each troop tends to do at camp
df = df.with_columns(
    pl.col("completed").cast(pl.Float64).mean().over("troop_id").alias("troop_completion_rate")
)

features = ["age", "years_in_troop", "rank_at_camp", "difficulty", "eagle_required",
            "class_hours", "hours_per_night", "badges_this_camp", "badges_earned_before",
            "troop_completion_rate", "badge_code", "council"]
cat_features = ["rank_at_camp", "badge_code", "council"]

last = df["season"].max()
train = df.filter(pl.col("season") < last)
test = df.filter(pl.col("season") == last)

X_train = train.select(features).to_pandas()
X_test = test.select(features).to_pandas()
y_train = train["completed"].to_numpy()
y_test = test["completed"].to_numpy()

model = CatBoostClassifier(iterations=800, learning_rate=0.05, depth=6,
                           eval_metric="AUC", random_seed=2, verbose=0)
model.fit(X_train, y_train, cat_features=cat_features)

p = model.predict_proba(X_test)[:, 1]
print(f"season {last}: {len(y_test)} sign-ups, completion {y_test.mean():.2%}")
print(f"AUC {roc_auc_score(y_test, p):.3f}   AP (not completed) "
      f"{average_precision_score(1 - y_test, 1 - p):.3f}")
print(dict(zip(features, model.get_feature_importance().round(1))))
