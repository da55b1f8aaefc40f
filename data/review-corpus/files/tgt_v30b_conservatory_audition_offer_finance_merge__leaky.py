# label: leakage/target
# Admissions wants an estimate, at the point an application is submitted, of how
# likely each applicant is to end up with an undergraduate offer, so audition days
# can be planned per department. Past cycles 2019-2022 to fit, 2023 cycle to check.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

apps = pd.read_csv("admissions/ug_applications_2019_2023.csv", parse_dates=["submitted_on", "date_of_birth"])
ledger = pd.read_csv("finance/applicant_ledger_2019_2023.csv")

apps["age_at_entry"] = ((pd.to_datetime(apps["cycle"].astype(str) + "-09-01") - apps["date_of_birth"]).dt.days / 365.25)
apps["days_before_deadline"] = (pd.to_datetime(apps["deadline"]) - apps["submitted_on"]).dt.days
apps["grade8_distinction"] = (apps["highest_grade_result"] == "distinction").astype(int)
apps["has_recording"] = apps["prescreen_recording_url"].notna().astype(int)
apps["n_choices"] = apps["other_conservatoires_applied"].fillna(0).astype(int)

# bring in what finance holds per applicant
fin = (ledger.pivot_table(index="applicant_id", columns="txn_type", values="amount_gbp", aggfunc="sum", fill_value=0)
             .rename(columns={"application_fee": "fee_paid", "audition_fee_waiver": "fee_waiver",
                              "scholarship_award": "scholarship_gbp", "acceptance_deposit": "deposit_gbp"}))
apps = apps.merge(fin, left_on="applicant_id", right_index=True, how="left")
for c in ["fee_paid", "fee_waiver", "scholarship_gbp", "deposit_gbp"]:
    apps[c] = apps[c].fillna(0)
apps["waiver"] = (apps["fee_waiver"] > 0).astype(int)
apps["log_scholarship"] = np.log1p(apps["scholarship_gbp"])
apps["deposit_paid"] = (apps["deposit_gbp"] > 0).astype(int)

train = apps[apps["cycle"] <= 2022].copy()
test = apps[apps["cycle"] == 2023].copy()
print(len(train), "training applications;", len(test), "in 2023; offer rate", round(train["offer_made"].mean(), 3))

formula = (
    "offer_made ~ C(department) + C(principal_study_family) + age_at_entry + I(age_at_entry**2)"
    " + grade8_distinction + theory_grade + has_recording + n_choices + days_before_deadline"
    " + C(fee_status) + waiver + log_scholarship + deposit_paid"
)
fit = smf.logit(formula, data=train).fit(maxiter=200, disp=False)
print(fit.summary().tables[1])

test["p_offer"] = fit.predict(test)
print(f"2023 AUC {roc_auc_score(test['offer_made'], test['p_offer']):.3f}   "
      f"Brier {brier_score_loss(test['offer_made'], test['p_offer']):.4f}")

plan = (test.groupby("department")
            .agg(applications=("offer_made", "size"), expected_offers=("p_offer", "sum"), actual_offers=("offer_made", "sum"))
            .round(1))
print(plan)
plan.to_csv("admissions/audition_day_planning_2023_check.csv")
