# label: leakage/none
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

# Street scene service: graffiti removal jobs raised from public reports and
# officer inspections. Model of days from report to job closed, used for the
# published service standard and for crew planning by ward.

JOBS = "streetscene/graffiti_jobs_2017_2024.csv"
BANK_HOLIDAYS = "streetscene/bank_holidays.csv"


def load_jobs():
    jobs = pd.read_csv(JOBS, parse_dates=["reported_at", "closed_at"])
    jobs = jobs[jobs["status"] == "closed"]
    jobs = jobs[jobs["closed_at"] >= jobs["reported_at"]].copy()
    jobs["days_open"] = (jobs["closed_at"] - jobs["reported_at"]).dt.total_seconds() / 86400
    jobs["area_m2"] = jobs["area_m2"].clip(0.1, 200)
    jobs["surface"] = jobs["surface"].fillna("unknown").str.lower()
    jobs["private_land"] = (jobs["land_owner"] != "council").astype(int)
    return jobs


def add_calendar(jobs, when):
    bh = pd.to_datetime(pd.read_csv(BANK_HOLIDAYS)["date"])
    d = jobs[when]
    jobs["month"] = d.dt.month
    jobs["weekday"] = d.dt.dayofweek
    jobs["week_start"] = d.dt.to_period("W").dt.start_time
    jobs["bank_holiday_week"] = jobs["week_start"].isin(bh.dt.to_period("W").dt.start_time).astype(int)
    jobs["year"] = d.dt.year
    return jobs


jobs = add_calendar(load_jobs(), "reported_at")

train = jobs[jobs["closed_at"] < "2023-01-01"]
test = jobs[jobs["reported_at"] >= "2023-01-01"]

formula = ("np.log1p(days_open) ~ C(surface) + np.log(area_m2) + offensive + private_land"
           " + C(channel) + C(ward) + C(month) + C(weekday) + bank_holiday_week + year")
fit = smf.ols(formula, data=train).fit(cov_type="HC1")
print(fit.summary().tables[1])

pred_log = fit.predict(test)
smear = np.mean(np.exp(fit.resid))
pred_days = np.exp(pred_log) * smear - 1

err = pred_days - test["days_open"]
print(f"2023-24 jobs: {len(test)}")
print(f"MAE  {err.abs().mean():.2f} days")
print(f"RMSE {np.sqrt((err ** 2).mean()):.2f} days")
print(f"R2 on log scale {1 - ((np.log1p(test['days_open']) - pred_log) ** 2).sum() / ((np.log1p(test['days_open']) - np.log1p(test['days_open']).mean()) ** 2).sum():.3f}")

within_standard = test.assign(pred=pred_days).groupby("offensive").apply(
    lambda g: pd.Series({"observed_within_5d": (g["days_open"] <= 5).mean(),
                         "predicted_within_5d": (g["pred"] <= 5).mean()}))
print(within_standard.round(3))
