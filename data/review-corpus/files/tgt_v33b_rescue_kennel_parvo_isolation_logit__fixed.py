# label: leakage/none
# Parvovirus triage score for dogs arriving at the rescue kennels.
# Outcome: positive faecal antigen (SNAP) or PCR result during the intake stay.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss

intake = pd.read_csv("records/intake_2016_2024.csv", parse_dates=["intake_date", "dob_est"])
labs = pd.read_csv("records/parvo_tests.csv", parse_dates=["test_date"])

positive = labs.groupby("intake_id")["result"].apply(lambda r: int((r == "positive").any()))
intake = intake.merge(positive.rename("parvo_pos"), left_on="intake_id", right_index=True, how="left")
intake["parvo_pos"] = intake["parvo_pos"].fillna(0).astype(int)

intake["age_weeks"] = (intake["intake_date"] - intake["dob_est"]).dt.days / 7
intake["under_6m"] = (intake["age_weeks"] < 26).astype(int)
intake["log_weight"] = np.log(intake["weight_kg"].clip(lower=0.3))
intake["fever"] = (intake["temp_c"] >= 39.4).astype(int)
intake["summer"] = intake["intake_date"].dt.month.isin([6, 7, 8, 9]).astype(int)
intake["vaccine_status"] = intake["vaccine_status"].fillna("unknown")
intake["source"] = intake["source"].replace({"police": "stray", "council": "stray"})
intake = intake.dropna(subset=["age_weeks", "weight_kg", "temp_c"])

train = intake[intake["intake_date"] < "2023-01-01"]
test = intake[intake["intake_date"] >= "2023-01-01"]
print(f"train {len(train)} dogs ({train['parvo_pos'].mean():.1%} pos), "
      f"test {len(test)} dogs ({test['parvo_pos'].mean():.1%} pos)")

# symptom flags come from the admission exam sheet
formula = (
    "parvo_pos ~ under_6m + log_weight + fever + vomiting + diarrhoea + bloody_stool"
    " + lethargy + anorexia + C(vaccine_status, Treatment('complete'))"
    " + C(source, Treatment('surrender')) + litter_intake + summer"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.round(2).to_string())

p_test = fit.predict(test)
print(f"\n2023-24 intakes: AUC {roc_auc_score(test['parvo_pos'], p_test):.3f}, "
      f"Brier {brier_score_loss(test['parvo_pos'], p_test):.4f}")

test = test.assign(score=p_test, band=pd.cut(p_test, [0, 0.05, 0.2, 0.5, 1.0], labels=["low", "watch", "high", "very high"]))
print(test.groupby("band", observed=True)["parvo_pos"].agg(["size", "mean"]).round(3))
