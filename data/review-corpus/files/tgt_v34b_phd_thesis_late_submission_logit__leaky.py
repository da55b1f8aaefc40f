# label: leakage/target
"""Doctoral submission risk: which candidates will submit the thesis after
the four-year registration deadline?

Built for the graduate school's progression board, which meets at the end of
each candidate's third year. Records: candidates who started 2012-2019.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import train_test_split


def load_candidates():
    reg = pd.read_csv("doctoral_registrations.csv", parse_dates=["start_date", "deadline", "submitted_on"])
    reviews = pd.read_csv("annual_progress_reviews.csv")
    finance = pd.read_csv("student_finance_terms.csv")

    yr = reviews.pivot_table(index="candidate_id", columns="review_year",
                             values="panel_score", aggfunc="mean")
    yr.columns = [f"review_y{int(c)}" for c in yr.columns]
    df = reg.merge(yr[["review_y1", "review_y2", "review_y3"]], on="candidate_id", how="left")

    fees = (finance[finance["fee_type"] == "continuation"]
            .groupby("candidate_id").size().rename("continuation_fee_terms"))
    df = df.merge(fees, on="candidate_id", how="left")
    df["continuation_fee_terms"] = df["continuation_fee_terms"].fillna(0)

    df["late"] = (df["submitted_on"].isna() | (df["submitted_on"] > df["deadline"])).astype(int)
    df["part_time"] = (df["mode"] == "PT").astype(int)
    df["review_trend"] = df["review_y3"] - df["review_y1"]
    df["pubs_by_y3"] = df["pubs_by_y3"].fillna(0)
    return df.dropna(subset=["review_y1", "review_y2", "review_y3"])


df = load_candidates()
print(df.groupby("faculty")["late"].agg(["mean", "size"]).round(3))

train, test = train_test_split(df, test_size=0.25, stratify=df["late"], random_state=2)

formula = (
    "late ~ C(faculty) + C(funding_source) + part_time + international"
    " + review_y1 + review_y2 + review_y3 + review_trend"
    " + supervisors + np.log1p(pubs_by_y3) + loa_months_by_y3"
    " + continuation_fee_terms"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary())

p = fit.predict(test)
print(f"test ROC AUC: {roc_auc_score(test['late'], p):.3f}")
print(f"test Brier:   {brier_score_loss(test['late'], p):.4f}")

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.drop("Intercept").sort_values(ascending=False).round(2).to_string())

# flag list for the progression board
test = test.assign(risk=p)
flag = test.sort_values("risk", ascending=False).head(25)
print(flag[["candidate_id", "faculty", "risk", "late"]].to_string(index=False))
