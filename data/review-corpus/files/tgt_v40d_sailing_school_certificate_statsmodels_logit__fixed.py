# label: leakage/none
"""Which dinghy course students are likely to miss the certificate?

Used at enrolment to pair students with the extra coaching slot. One row per
student per five-day course, 2018-2024 seasons.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score


def load_courses(path):
    df = pd.read_csv(path, parse_dates=["course_start", "date_of_birth"])
    df = df[df["course_status"] == "completed_attendance"].copy()
    df["age"] = (df["course_start"] - df["date_of_birth"]).dt.days / 365.25
    df["junior"] = (df["age"] < 16).astype(int)
    df["log_prior_days"] = np.log1p(df["prior_sailing_days"])
    df["early_season"] = df["course_start"].dt.month.isin([4, 5]).astype(int)
    df["certified"] = (df["certificate_result"] == "pass").astype(int)
    df["season"] = df["course_start"].dt.year
    return df


def calibration_table(y, p, bins=5):
    frame = pd.DataFrame({"y": y, "p": p})
    frame["bin"] = pd.qcut(frame["p"], q=bins, duplicates="drop")
    return frame.groupby("bin", observed=True).agg(
        n=("y", "size"), predicted=("p", "mean"), observed=("y", "mean")
    )


courses = load_courses("dinghy_course_students.csv")
print(courses.groupby("season")["certified"].agg(["size", "mean"]).round(3))

train = courses[courses["season"] <= 2022]
test = courses[courses["season"] >= 2023]

formula = (
    "certified ~ junior + log_prior_days + swim_test_passed + C(course_level)"
    " + group_size + own_buoyancy_aid + early_season + C(boat_class)"
)

fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary())

odds = pd.DataFrame(
    {
        "odds_ratio": np.exp(fit.params),
        "ci_low": np.exp(fit.conf_int()[0]),
        "ci_high": np.exp(fit.conf_int()[1]),
        "p_value": fit.pvalues,
    }
).round(3)
print(odds)

p_test = fit.predict(test)
y_test = test["certified"]
print(f"test AUC  : {roc_auc_score(y_test, p_test):.3f}")
print(f"test Brier: {brier_score_loss(y_test, p_test):.3f}")
print(calibration_table(y_test.to_numpy(), p_test.to_numpy()))

# Students flagged for coaching: lowest 15% predicted pass probability
flag = p_test <= p_test.quantile(0.15)
print(f"flagged {flag.sum()} students, pass rate {y_test[flag].mean():.2%} "
      f"vs {y_test[~flag].mean():.2%} for the rest")
