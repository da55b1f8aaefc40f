# label: leakage/target
"""Predict whether a dog earns a qualifying score in an agility trial run, from entry data and past runs."""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score, accuracy_score

runs = pd.read_csv("agility_runs.csv", parse_dates=["trial_date"])
dogs = pd.read_csv("dog_registry.csv", parse_dates=["birth_date"])
courses = pd.read_csv("course_maps.csv")

df = (runs.merge(dogs, on="dog_id", how="left")
          .merge(courses, on=["trial_id", "ring", "class_level"], how="left"))
df = df[df["run_status"] != "scratched"].copy()
df = df.sort_values(["dog_id", "trial_date", "run_order"])

df["age_years"] = (df["trial_date"] - df["birth_date"]).dt.days / 365.25
df["yards_per_sct"] = df["course_yards"] / df["standard_course_time_s"]
df["obstacles_per_100y"] = df["n_obstacles"] / df["course_yards"] * 100

g = df.groupby("dog_id")["qualified"]
df["dog_prior_runs"] = g.cumcount()
df["dog_prior_q_rate"] = g.transform(lambda s: s.shift(1).expanding().mean())
df["dog_last_q"] = g.shift(1)
df["days_since_last_run"] = df.groupby("dog_id")["trial_date"].diff().dt.days

for col in ("breed_group", "jump_height_class", "class_level", "surface", "judge_id"):
    df[col] = df[col].astype("category")

features = ["age_years", "yards_per_sct", "obstacles_per_100y", "n_weaves", "n_contacts",
            "dog_prior_runs", "dog_prior_q_rate", "dog_last_q", "days_since_last_run",
            "handler_years", "breed_group", "jump_height_class", "class_level", "surface",
            "judge_id", "run_faults", "indoor"]

train = df[df["trial_date"] < "2024-01-01"]
test = df[df["trial_date"] >= "2024-01-01"]

model = lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=31,
                           min_child_samples=30, subsample=0.8, subsample_freq=1,
                           colsample_bytree=0.8, verbose=-1)
model.fit(train[features], train["qualified"])

p = model.predict_proba(test[features])[:, 1]
print(f"2024 runs: {len(test)}, Q rate {test['qualified'].mean():.2%}")
print(f"AUC:      {roc_auc_score(test['qualified'], p):.3f}")
print(f"accuracy: {accuracy_score(test['qualified'], (p >= 0.5).astype(int)):.3f}")
imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
print(imp.sort_values(ascending=False).head(8).round(0))
