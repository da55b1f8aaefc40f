# label: leakage/target
"""Thatching contractor: which re-roofing jobs will overrun the quoted schedule?

A job overruns when the crew needs more than 115% of the quoted working days.
Scored when the quote is accepted, to plan crew allocation for the season.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss

JOBS_FILE = "records/thatch_jobs_2012_2024.csv"
SURVEY_FILE = "records/pre_job_surveys.csv"

CONFIG = {
    "overrun_ratio": 1.15,
    "test_seasons": [2023, 2024],
    "materials": ["water_reed", "combed_wheat", "long_straw"],
}


def load_jobs():
    jobs = pd.read_csv(JOBS_FILE, parse_dates=["start_date", "completed_date"])
    surveys = pd.read_csv(SURVEY_FILE)
    df = jobs.merge(surveys, on="job_id", how="inner", validate="one_to_one")
    df = df[df["material"].isin(CONFIG["materials"])].copy()
    df["season"] = df["start_date"].dt.year
    df["overran"] = (df["actual_days"] > CONFIG["overrun_ratio"] * df["quoted_days"]).astype(int)
    return df


def engineer(df):
    out = df.copy()
    out["log_area"] = np.log(out["roof_area_m2"])
    out["days_per_m2"] = out["actual_days"] / out["roof_area_m2"]
    out["pitch_steep"] = (out["pitch_deg"] >= 50).astype(int)
    out["strip_to_battens"] = out["strip_depth"].eq("battens").astype(int)
    out["n_dormers"] = out["n_dormers"].fillna(0).clip(upper=6)
    out["listed"] = out["listed_grade"].notna().astype(int)
    out["autumn_start"] = out["start_date"].dt.month.isin([9, 10, 11]).astype(int)
    return out


df = engineer(load_jobs())
print(df.groupby("material")["overran"].agg(["mean", "size"]).round(3))

train = df[~df["season"].isin(CONFIG["test_seasons"])]
test = df[df["season"].isin(CONFIG["test_seasons"])]
print(f"train jobs {len(train)}, test jobs {len(test)}")

formula = (
    "overran ~ log_area + days_per_m2 + pitch_steep + strip_to_battens + n_dormers"
    " + listed + autumn_start + planned_crew_size + C(material) + C(region)"
)
logit = smf.glm(formula, data=train, family=sm.families.Binomial()).fit()
print(logit.summary().tables[1])

proba = logit.predict(test)
print(f"hold-out AUC:   {roc_auc_score(test['overran'], proba):.3f}")
print(f"hold-out Brier: {brier_score_loss(test['overran'], proba):.4f}")

calib = (
    test.assign(p=proba)
    .groupby(pd.qcut(proba, 5, duplicates="drop"), observed=True)
    .agg(predicted=("p", "mean"), observed=("overran", "mean"), jobs=("overran", "size"))
)
print(calib.round(3))

odds = np.exp(logit.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).round(2).head(8))
