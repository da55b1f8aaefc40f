# label: leakage/none
"""Predict whether an adult student at a language school completes and passes their enrolled course."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import accuracy_score, roc_auc_score

enrol = pd.read_csv("langschool_enrolments.csv", parse_dates=["enrolled_on", "course_start"])
placement = pd.read_csv("langschool_placement_tests.csv")

df = enrol.merge(placement[["student_id", "course_id", "placement_score", "oral_interview_band"]],
                 on=["student_id", "course_id"], how="left")

df = df.dropna(subset=["placement_score", "passed"])
df["passed"] = df["passed"].astype(int)
df["age"] = df["age"].clip(16, 80)
df["lead_days"] = (df["course_start"] - df["enrolled_on"]).dt.days.clip(lower=0)
df["employer_funded"] = df["funding_source"].eq("employer").astype(int)
df["prior_courses"] = df["prior_courses"].fillna(0)
df["level_gap"] = df["placement_score"] - df["course_level_num"] * 20
df["intensive"] = (df["hours_per_week"] >= 10).astype(int)

df = df.sort_values("course_start")
split_at = df["course_start"].quantile(0.8)
train = df[df["course_start"] < split_at]
test = df[df["course_start"] >= split_at]
print(f"train {len(train)} ({train['passed'].mean():.1%} pass), test {len(test)}")

formula = ("passed ~ placement_score + level_gap + C(oral_interview_band) + age + np.log1p(lead_days)"
           " + employer_funded + prior_courses + intensive + online")
model = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(model.summary())

proba = model.predict(test)
pred = (proba >= 0.5).astype(int)
print(f"test accuracy {accuracy_score(test['passed'], pred):.3f}")
print(f"test ROC AUC  {roc_auc_score(test['passed'], proba):.3f}")

odds = np.exp(model.params).round(3)
print(odds.sort_values(ascending=False).head(8))
for mode, part in test.assign(p=proba).groupby("online"):
    print(f"online={mode}: observed {part['passed'].mean():.3f}, predicted {part['p'].mean():.3f}")
