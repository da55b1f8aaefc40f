# label: leakage/target
"""Withdrawal risk on the evening bookkeeping certificate (12-week course).

Tutors hold a progress review in week 4; this model produces the list of
learners to call. Target: formal withdrawal before the final assessment.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

REVIEW_WEEK = 4
TEST_FROM = "2024-09-01"


def load_tables(folder="mis_export"):
    enrol = pd.read_csv(f"{folder}/enrolments.csv", parse_dates=["term_start"])
    register = pd.read_csv(f"{folder}/register.csv")
    homework = pd.read_csv(f"{folder}/homework.csv")
    return enrol, register, homework


def engagement_features(enrol, register, homework):
    # register marks: "/" present, "O" absent, "A" authorised absence, "W" withdrawn
    register = register.assign(present=register["mark"].eq("/").astype(float))
    attendance = register.groupby("enrolment_id")["present"].mean().rename("attendance_rate")
    hw = homework[homework["week"] <= REVIEW_WEEK]
    homework_rate = hw.groupby("enrolment_id")["submitted"].mean().rename("homework_rate")
    out = enrol.merge(attendance, on="enrolment_id", how="left")
    out = out.merge(homework_rate, on="enrolment_id", how="left")
    out[["attendance_rate", "homework_rate"]] = out[["attendance_rate", "homework_rate"]].fillna(0.0)
    return out


def prepare(df):
    df = df[df["course_code"] == "BKP-L2"].copy()
    # the review only covers learners still on roll in the review week
    df = df[~(df["withdrawal_week"] <= REVIEW_WEEK)]
    df["age_band"] = pd.cut(df["age"], [15, 24, 34, 49, 99], labels=["16-24", "25-34", "35-49", "50+"])
    df["long_commute"] = (df["distance_km"] > 15).astype(int)
    df["prior_qualification"] = df["prior_qualification"].fillna("none")
    return df.dropna(subset=["age_band"])


def main():
    enrol, register, homework = load_tables()
    data = prepare(engagement_features(enrol, register, homework))
    train = data[data["term_start"] < TEST_FROM]
    test = data[data["term_start"] >= TEST_FROM]
    print(f"train {len(train)} learners ({train['withdrew'].mean():.1%} withdrew), "
          f"test {len(test)} learners")

    formula = (
        "withdrew ~ attendance_rate + homework_rate + C(age_band) + employed_ft"
        " + C(prior_qualification) + fee_waiver + long_commute + online_enrolment"
    )
    fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
    print(fit.summary2().tables[1].round(3))

    p = fit.predict(test)
    print(f"test ROC AUC: {roc_auc_score(test['withdrew'], p):.3f}")

    bands = pd.qcut(p, 5, labels=False, duplicates="drop")
    calib = test.assign(p=p, band=bands).groupby("band").agg(
        predicted=("p", "mean"), observed=("withdrew", "mean"), n=("withdrew", "size")
    )
    print(calib.round(3))

    call_list = test.assign(p=p).nlargest(int(np.ceil(0.15 * len(test))), "p")
    print(f"call list: {len(call_list)} learners, "
          f"{call_list['withdrew'].mean():.1%} of them withdrew")


if __name__ == "__main__":
    main()
