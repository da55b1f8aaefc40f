# label: leakage/target
"""Which contact lens trial wearers sign up for the annual lens plan?

Optometry chain, first-time wearers only. The trial runs 2-4 weeks; sign-up is counted
if the annual plan is started within 30 days of the trial end date. The model is
meant to run at the end of the trial so branches can call the undecided wearers.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import train_test_split

trials = pd.read_csv("crm/lens_trials_2023_2024.csv", parse_dates=["trial_start_date", "trial_end_date"])
visits = pd.read_csv("crm/practice_visits.csv", parse_dates=["visit_date"])

trials = trials.sort_values("trial_start_date").drop_duplicates("patient_id", keep="first")

visits = visits.merge(trials[["patient_id", "trial_start_date", "trial_end_date"]], on="patient_id")
window = visits[
    (visits["visit_date"] > visits["trial_end_date"])
    & (visits["visit_date"] <= visits["trial_end_date"] + pd.Timedelta(days=90))
]
fitting_visits = window.groupby("patient_id").size().rename("fitting_visits")

df = trials.merge(fitting_visits, on="patient_id", how="left")
df["fitting_visits"] = df["fitting_visits"].fillna(0)
df["trial_days"] = (df["trial_end_date"] - df["trial_start_date"]).dt.days
df["toric"] = (df["cyl_dioptres"].abs() >= 0.75).astype(int)
df["abs_sphere"] = df["sphere_dioptres"].abs()
df["age_band"] = pd.cut(df["age"], [15, 25, 35, 50, 65, 100], right=False).astype(str)

df = df.dropna(subset=["comfort_score_review", "modality", "plan_signup"])
train, test = train_test_split(df, test_size=0.25, stratify=df["plan_signup"], random_state=17)

formula = (
    "plan_signup ~ C(modality) + C(age_band) + abs_sphere + toric + trial_days"
    " + comfort_score_review + dry_eye_history + previous_glasses_wearer"
    " + screen_hours_per_day + sports_use + C(price_tier) + fitting_visits"
)
model = smf.logit(formula, data=train).fit(maxiter=200, disp=False)
print(model.summary())

p_test = model.predict(test)
print(f"test AUC   {roc_auc_score(test['plan_signup'], p_test):.3f}")
print(f"test Brier {brier_score_loss(test['plan_signup'], p_test):.4f}")

odds = np.exp(model.params).rename("odds_ratio")
ci = np.exp(model.conf_int()).rename(columns={0: "lo", 1: "hi"})
print(pd.concat([odds, ci], axis=1).round(2).sort_values("odds_ratio"))

deciles = pd.qcut(p_test, 10, labels=False, duplicates="drop")
print(test.assign(decile=deciles).groupby("decile")["plan_signup"].mean().round(3))
