# label: leakage/overlap
"""Predict whether a sheepdog trial run reaches a qualifying score from dog, handler and course details."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

runs = pd.read_csv("trial_runs.csv", parse_dates=["trial_date"])
dogs = pd.read_csv("registered_dogs.csv", parse_dates=["whelped"])
courses = pd.read_csv("course_sheets.csv")

df = (runs.merge(dogs, on="dog_id", how="left")
          .merge(courses, on=["trial_id", "class_level"], how="left"))
df["dog_age_months"] = (df["trial_date"] - df["whelped"]).dt.days / 30.4
df = df[df["dog_age_months"] > 12]
df["outrun_m"] = df["outrun_m"].fillna(df["field_length_m"] * 0.7)
df["sheep_breed"] = df["sheep_breed"].str.lower().str.strip()
df["qualified"] = (df["score"] >= df["qualifying_score"]).astype(int)

num_cols = ["dog_age_months", "outrun_m", "field_length_m", "n_sheep", "handler_years",
            "prior_trials", "wind_kmh"]
cat_cols = ["class_level", "sheep_breed", "dog_sex", "terrain", "handler_region"]

X = df[num_cols + cat_cols]
y = df["qualified"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11)

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), cat_cols),
    ], remainder="passthrough")),
    ("rf", RandomForestClassifier(n_estimators=500, min_samples_leaf=3,
                                  class_weight="balanced_subsample", n_jobs=-1, random_state=11)),
])
pipe.fit(X_train, y_train)

proba = pipe.predict_proba(X_test)[:, 1]
print(f"runs: train={len(X_train)} test={len(X_test)}")
print(f"ROC AUC      : {roc_auc_score(y_test, proba):.4f}")
print(f"balanced acc : {balanced_accuracy_score(y_test, proba > 0.5):.4f}")

by_class = pd.DataFrame({"level": X_test["class_level"], "y": y_test, "p": proba})
for level, grp in by_class.groupby("level"):
    if grp["y"].nunique() == 2:
        print(f"  {level:<10} AUC={roc_auc_score(grp['y'], grp['p']):.3f} n={len(grp)}")
