# label: leakage/none
"""Day-3 conversion scoring for the 7-day free trial of the language-learning app.

Scores are used to decide which trial users get the in-app discount banner on day 4.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, average_precision_score

SCORING_DAY = 3
TRIAL_DAYS = 7

trials = pd.read_parquet("exports/trials_2024.parquet", columns=[
    "user_id", "trial_start", "platform", "country", "acq_channel", "device_tier", "converted"])
events = pd.read_parquet("exports/app_events_2024.parquet", columns=[
    "user_id", "ts", "event", "session_id", "duration_s"])

events = events.merge(trials[["user_id", "trial_start"]], on="user_id", how="inner")
events["trial_day"] = (events["ts"] - events["trial_start"]).dt.days
events = events[(events["trial_day"] >= 0) & (events["trial_day"] < SCORING_DAY)]

counts = (events.pivot_table(index="user_id", columns="event", values="ts",
                             aggfunc="count", fill_value=0)
          .add_prefix("n_"))
sessions = events.groupby("user_id").agg(
    n_sessions=("session_id", "nunique"),
    active_days=("trial_day", "nunique"),
    total_minutes=("duration_s", lambda s: s.sum() / 60),
    last_active_day=("trial_day", "max"),
)

df = trials.set_index("user_id").join(counts).join(sessions).fillna(0).reset_index()
df["lessons_per_session"] = df.get("n_lesson_complete", 0) / df["n_sessions"].clip(lower=1)

for c in ["platform", "country", "acq_channel", "device_tier"]:
    df[c] = df[c].astype("category")

feature_cols = [c for c in df.columns if c not in ("user_id", "trial_start", "converted")]

cutoff = pd.Timestamp("2024-10-01")
train = df[df["trial_start"] < cutoff - pd.Timedelta(days=TRIAL_DAYS)]
test = df[df["trial_start"] >= cutoff]

params = dict(objective="binary", learning_rate=0.03, num_leaves=48, min_child_samples=50,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
              verbose=-1, seed=17)
booster = lgb.train(params, lgb.Dataset(train[feature_cols], train["converted"]),
                    num_boost_round=900)

p = booster.predict(test[feature_cols])
print(f"AUC {roc_auc_score(test['converted'], p):.3f}   AP {average_precision_score(test['converted'], p):.3f}")

imp = pd.Series(booster.feature_importance("gain"), index=feature_cols)
print(imp.sort_values(ascending=False).head(12).round(0))
booster.save_model("models/trial_day3_lgbm.txt")
