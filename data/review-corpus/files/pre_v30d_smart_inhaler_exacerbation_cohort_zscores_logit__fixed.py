# label: leakage/none
"""Smart-inhaler pilot: exacerbation within 6 months of the 90-day run-in.

One row per enrolled patient. Sensor summaries come from the 90-day run-in,
clinical fields from the enrolment visit. Outcome = oral steroid course, ED visit
or admission for asthma in the following 180 days.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

cohort = pd.read_csv("data/inhaler_pilot_cohort.csv")
sensor = pd.read_parquet("data/runin_sensor_summary.parquet")
df = cohort.merge(sensor, on="patient_id", how="inner")
df = df[df["runin_days_with_data"] >= 60].copy()

# counts are very skewed
for col in ["rescue_puffs_per_week", "max_daily_rescue_puffs", "blood_eos_cells_ul"]:
    df[col] = np.log1p(df[col])

num_cols = [
    "rescue_puffs_per_week", "night_rescue_share", "max_daily_rescue_puffs",
    "controller_adherence_pct", "pollen_exposure_idx", "pm25_mean",
    "age", "bmi", "fev1_pct_pred", "blood_eos_cells_ul", "prior_year_ocs_courses",
]
df["smoker"] = df["smoking_status"].fillna("never").map(
    {"never": "never", "ex": "ex", "current": "current", "vape": "current"}
)

train, test = train_test_split(
    df, test_size=0.25, stratify=df["exacerbation_180d"], random_state=5
)
train, test = train.copy(), test.copy()

summary = train[num_cols].describe().T
print(summary[["count", "mean", "std", "min", "max"]].round(2))

medians = train[num_cols].median()
for part in (train, test):
    part[num_cols] = part[num_cols].fillna(medians)
    part[num_cols] = (part[num_cols] - summary["mean"]) / summary["std"]

formula = (
    "exacerbation_180d ~ rescue_puffs_per_week + night_rescue_share"
    " + max_daily_rescue_puffs + controller_adherence_pct + pollen_exposure_idx"
    " + pm25_mean + age + bmi + fev1_pct_pred + blood_eos_cells_ul"
    " + prior_year_ocs_courses + C(smoker, Treatment('never'))"
)
fit = smf.logit(formula, data=train).fit(disp=0)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

odds = np.exp(fit.params).rename("odds_ratio_per_sd")
print(odds.drop("Intercept").sort_values(ascending=False).round(2))

p_test = fit.predict(test)
y_test = test["exacerbation_180d"]
print(f"\ntest AUC   {roc_auc_score(y_test, p_test):.3f}")
print(f"test Brier {brier_score_loss(y_test, p_test):.3f}")

# how many events would a nurse call list of the top 20% pick up
k = int(0.2 * len(p_test))
call_list = p_test.sort_values(ascending=False).index[:k]
print(f"top-20% list: {k} patients, {y_test.loc[call_list].sum()} of {y_test.sum()} events")
