# label: leakage/none
"""Injury risk per group snowboard lesson, for the ski school's safety review.

lessons.csv: one row per student-lesson; instructors.csv: certification data;
snow_report.csv: daily piste conditions per resort sector.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

SEASON_SPLIT = pd.Timestamp("2024-11-01")


def load_lessons():
    lessons = pd.read_csv("school/lessons.csv", parse_dates=["lesson_date"])
    instructors = pd.read_csv("school/instructors.csv")
    snow = pd.read_csv("school/snow_report.csv", parse_dates=["report_date"])

    df = lessons.merge(instructors, on="instructor_id", how="left")
    df = df.merge(
        snow.rename(columns={"report_date": "lesson_date"}),
        on=["lesson_date", "sector"],
        how="left",
    )
    df["hard_pack"] = df["surface"].isin(["icy", "hardpack"]).astype(int)
    df["fresh_snow_cm"] = df["fresh_snow_cm"].fillna(0)
    df["afternoon"] = (df["start_hour"] >= 13).astype(int)
    df["student_age_band"] = pd.cut(
        df["student_age"], bins=[0, 12, 17, 30, 50, 100],
        labels=["child", "teen", "young_adult", "adult", "senior"],
    )
    return df


def add_instructor_rate(df, prior_rate, prior_weight=20):
    daily = (
        df.groupby(["instructor_id", "lesson_date"])["injured"]
        .agg(n="size", k="sum")
        .reset_index()
        .sort_values(["instructor_id", "lesson_date"])
    )
    g = daily.groupby("instructor_id")
    daily["instructor_lessons"] = g["n"].cumsum() - daily["n"]
    daily["prev_injuries"] = g["k"].cumsum() - daily["k"]
    out = df.merge(
        daily[["instructor_id", "lesson_date", "instructor_lessons", "prev_injuries"]],
        on=["instructor_id", "lesson_date"],
        how="left",
    )
    out["instructor_injury_rate"] = (
        (out["prev_injuries"] + prior_rate * prior_weight) / (out["instructor_lessons"] + prior_weight)
    )
    return out


df = load_lessons()
base_rate = df.loc[df["lesson_date"] < SEASON_SPLIT, "injured"].mean()
df = add_instructor_rate(df, base_rate)

train = df[df["lesson_date"] < SEASON_SPLIT]
test = df[df["lesson_date"] >= SEASON_SPLIT]
print(f"train lessons {len(train)}, test lessons {len(test)}, base rate {train['injured'].mean():.4f}")

formula = (
    "injured ~ C(student_age_band) + C(level) + group_size + hard_pack + fresh_snow_cm"
    " + visibility_km + afternoon + first_day + rental_board + instructor_years"
    " + C(cert_level) + instructor_injury_rate + np.log1p(instructor_lessons)"
)
model = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(model.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

test_pred = model.predict(test)
print(f"test ROC AUC: {roc_auc_score(test['injured'], test_pred):.3f}")

deciles = pd.qcut(test_pred.rank(method="first"), 10, labels=False)
lift = test.assign(decile=deciles).groupby("decile")["injured"].mean()
print((lift / test["injured"].mean()).round(2).to_string())
