# label: leakage/target
"""Predict whether a music-school piano student lapses (no lesson for 45 days) after a given lesson."""
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

LAPSE_DAYS = 45

lessons = pd.read_csv("piano_lessons.csv", parse_dates=["lesson_date"])
students = pd.read_csv(
    "students.csv",
    usecols=["student_id", "birth_date", "enrolled_on", "instrument_at_home", "sibling_enrolled"],
    parse_dates=["enrolled_on", "birth_date"],
)
lessons = lessons[lessons["status"].isin(["taught", "no_show"])]
lessons = lessons.sort_values(["student_id", "lesson_date"]).reset_index(drop=True)

g = lessons.groupby("student_id")
gap_next = (g["lesson_date"].shift(-1) - lessons["lesson_date"]).dt.days
lessons["lapsed"] = (gap_next.isna() | (gap_next > LAPSE_DAYS)).astype(int)

lessons["days_since_prev"] = g["lesson_date"].diff().dt.days.fillna(0)
lessons["no_show"] = (lessons["status"] == "no_show").astype(int)
lessons["no_shows_so_far"] = g["no_show"].cumsum()
lessons["practice_min_avg3"] = g["practice_log_min"].transform(
    lambda s: s.rolling(3, min_periods=1).mean()
)
lessons["pieces_passed_so_far"] = g["piece_passed"].cumsum()
lessons["lesson_count"] = g["lesson_date"].transform("count")

df = lessons.merge(students, on="student_id", how="left")
df["age"] = (df["lesson_date"] - df["birth_date"]).dt.days / 365.25
df["tenure_days"] = (df["lesson_date"] - df["enrolled_on"]).dt.days
df["digital_piano"] = (df["instrument_at_home"] == "digital").astype(int)
for col in ["fee_plan", "slot_weekday", "teacher_id"]:
    df[col] = df[col].astype("category")

FEATURES = ["age", "tenure_days", "days_since_prev", "no_shows_so_far", "practice_min_avg3",
            "pieces_passed_so_far", "lesson_count", "slot_minutes", "grade_level",
            "digital_piano", "sibling_enrolled", "fee_plan", "slot_weekday", "teacher_id"]

# keep only lessons whose 45-day outcome window is complete before the boundary
cutoff = pd.Timestamp("2024-01-01")
data_end = df["lesson_date"].max()
train = df[df["lesson_date"] < cutoff - pd.Timedelta(days=LAPSE_DAYS)]
test = df[(df["lesson_date"] >= cutoff) & (df["lesson_date"] <= data_end - pd.Timedelta(days=LAPSE_DAYS))]

model = LGBMClassifier(
    n_estimators=500,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=40,
    colsample_bytree=0.8,
    subsample=0.8,
    subsample_freq=1,
    random_state=17,
    verbose=-1,
)
model.fit(train[FEATURES], train["lapsed"])
proba = model.predict_proba(test[FEATURES])[:, 1]

print(f"lessons: train {len(train)}, test {len(test)}, test lapse rate {test['lapsed'].mean():.3f}")
print(f"test ROC AUC: {roc_auc_score(test['lapsed'], proba):.3f}")
print(f"test PR AUC:  {average_precision_score(test['lapsed'], proba):.3f}")
top = np.argsort(-proba)[: max(1, len(proba) // 10)]
print(f"lapse rate in top decile of scores: {test['lapsed'].to_numpy()[top].mean():.3f}")
