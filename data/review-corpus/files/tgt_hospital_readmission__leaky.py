# label: leakage/target
# twin: tgt_hospital_readmission__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

adm = pd.read_csv(
    "ehr/index_admissions_2019_2022.csv", parse_dates=["admit_date", "discharge_date"]
)
adm = adm.sort_values("admit_date").drop_duplicates("patient_id", keep="first")
adm["los_days"] = (adm["discharge_date"] - adm["admit_date"]).dt.days
adm["age_decade"] = adm["age"] // 10
adm["readmit_30d"] = adm["readmit_30d"].astype(int)

rng = np.random.default_rng(2024)
is_test = rng.random(len(adm)) < 0.25
train, test = adm[~is_test], adm[is_test]

formula = (
    "readmit_30d ~ age_decade + C(sex) + los_days + n_prior_admissions_12m"
    " + n_discharge_medications + charlson_index + C(discharge_disposition)"
    " + C(admission_type) + ed_visits_30d_post_discharge + hba1c_tested"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "P>|z|"]].round(3))

p_test = fit.predict(test)
print(f"test AUC: {roc_auc_score(test['readmit_30d'], p_test):.3f}")
odds = np.exp(fit.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).head(8))
