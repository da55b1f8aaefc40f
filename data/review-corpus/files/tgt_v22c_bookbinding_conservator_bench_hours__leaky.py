# label: leakage/target
"""Bench hours for rebinding / conservation jobs at the library bindery.

Used to quote turnaround to reading-room staff when a damaged volume is sent in.
Each conservator works one volume at a time; a new volume is assigned when the
previous one leaves the bench.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error

SPLIT_DATE = pd.Timestamp("2023-07-01")
TREATMENTS = {"R": "resew", "B": "reback", "G": "guard", "C": "clean_only", "F": "full_rebind"}


def load_jobs(path="data/bindery_jobs.csv"):
    jobs = pd.read_csv(path, parse_dates=["assigned_on", "returned_on"])
    jobs["treatment"] = jobs["treatment_code"].str[0].map(TREATMENTS).fillna("other")
    jobs["leaves"] = jobs["leaves"].clip(upper=1200)
    jobs["log_leaves"] = np.log1p(jobs["leaves"])
    jobs["pre_1850"] = (jobs["imprint_year"] < 1850).astype(int)
    jobs["leather"] = jobs["covering"].str.contains("leather|calf|morocco", case=False, na=False).astype(int)
    jobs = jobs[jobs["status"].eq("returned") & jobs["bench_hours"].gt(0)]
    return jobs.sort_values(["conservator", "assigned_on"]).reset_index(drop=True)


def add_workload_features(jobs):
    grp = jobs.groupby("conservator")["bench_hours"]
    jobs["recent_hours_5"] = grp.transform(lambda s: s.rolling(5, min_periods=1).mean())
    jobs["jobs_done_before"] = jobs.groupby("conservator").cumcount()
    jobs["damage_score"] = jobs[["spine_damage", "board_detached", "mould", "insect"]].sum(axis=1)
    return jobs


jobs = add_workload_features(load_jobs())
jobs = jobs.dropna(subset=["recent_hours_5"])
print(jobs.groupby("treatment")["bench_hours"].describe().round(1))

train = jobs[jobs["assigned_on"] < SPLIT_DATE]
test = jobs[jobs["assigned_on"] >= SPLIT_DATE]
print(f"train {len(train)} jobs / test {len(test)} jobs")

formula = (
    "np.log(bench_hours) ~ C(treatment) + log_leaves + height_cm + pre_1850 + leather"
    " + damage_score + np.log(recent_hours_5) + np.log1p(jobs_done_before)"
)
ols = smf.ols(formula, data=train).fit(cov_type="HC3")
print(ols.summary().tables[1])

smear = np.mean(np.exp(ols.resid))
pred_hours = np.exp(ols.predict(test)) * smear
mae = mean_absolute_error(test["bench_hours"], pred_hours)
print(f"test MAE {mae:.2f} h (median job {test['bench_hours'].median():.1f} h)")

per_treatment = (test.assign(pred=pred_hours, abs_err=(test["bench_hours"] - pred_hours).abs())
                 .groupby("treatment")[["bench_hours", "pred", "abs_err"]].mean().round(2))
print(per_treatment)

fig, ax = plt.subplots(figsize=(5, 5))
ax.loglog(test["bench_hours"], pred_hours, ".", alpha=0.5)
lims = [0.25, 120]
ax.plot(lims, lims, "k--", lw=1)
ax.set_xlabel("actual bench hours")
ax.set_ylabel("predicted bench hours")
fig.savefig("figures/bindery_hours_fit.png", dpi=110)
