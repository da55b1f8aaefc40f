# label: leakage/none
"""Predict a respiratory hospital admission within 12 months from baseline spirometry adjusted for body size."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

visits = pd.read_csv("pulmonary_clinic_baseline_visits.csv", parse_dates=["visit_date"])
visits = visits.sort_values("visit_date").drop_duplicates("patient_id", keep="first")
visits = visits.dropna(subset=["fev1_l", "fvc_l", "height_cm", "age", "sex", "admitted_12m"])
visits = visits[(visits["height_cm"].between(120, 215)) & (visits["fev1_l"] > 0.2)]

visits["male"] = (visits["sex"] == "M").astype(int)
visits["ratio"] = visits["fev1_l"] / visits["fvc_l"]
visits["smoker_current"] = (visits["smoking_status"] == "current").astype(int)
visits["pack_years"] = visits["pack_years"].fillna(0).clip(upper=120)


def reference_model(frame, lung_col):
    """Reference equation: lung volume as a function of age, height and sex."""
    formula = f"np.log({lung_col}) ~ age + I(age**2) + np.log(height_cm) + male"
    return smf.ols(formula, data=frame).fit()


def add_z_scores(frame, models):
    out = frame.copy()
    for col, res in models.items():
        resid = np.log(out[col]) - res.predict(out)
        out[f"{col}_z"] = resid / np.sqrt(res.scale)
    return out


cutoff = pd.Timestamp("2021-01-01")
train = visits[visits["visit_date"] < cutoff]
test = visits[visits["visit_date"] >= cutoff]

lung_cols = ["fev1_l", "fvc_l"]
ref_models = {col: reference_model(train, col) for col in lung_cols}
train = add_z_scores(train, ref_models)
test = add_z_scores(test, ref_models)
print(f"train {len(train)}  test {len(test)}  admission rate {train['admitted_12m'].mean():.3f}")

risk_formula = ("admitted_12m ~ fev1_l_z + fvc_l_z + ratio + smoker_current + pack_years"
                " + admissions_prev_12m + mmrc_dyspnoea + age")
logit = smf.logit(risk_formula, data=train).fit(disp=False)
print(logit.summary2().tables[1][["Coef.", "P>|z|"]].round(3))

proba = logit.predict(test)
print(f"test ROC AUC   {roc_auc_score(test['admitted_12m'], proba):.3f}")
print(f"test Brier     {brier_score_loss(test['admitted_12m'], proba):.4f}")
deciles = pd.qcut(proba, 10, labels=False, duplicates="drop")
calib = pd.DataFrame({"decile": deciles, "obs": test["admitted_12m"].to_numpy(), "pred": proba.to_numpy()})
print(calib.groupby("decile")[["obs", "pred"]].mean().round(3))
