# label: leakage/none
"""Bedtime risk score for nocturnal hypoglycaemia in adults with type 1 diabetes.

CGM (5-min readings) + insulin/meal diary; outcome is >= 15 min below 3.9 mmol/L between 22:00 and 07:00.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

OUTCOME_WINDOW = ("22:00", "07:00")
GLUCOSE_WINDOW = ("18:00", "22:00")
HYPO_MMOL = 3.9


def tag_nights(cgm, window):
    start, end = window
    clock = cgm["ts"].dt.strftime("%H:%M")
    inside = (clock >= start) | (clock < end) if start > end else (clock >= start) & (clock < end)
    night = (cgm["ts"] - pd.Timedelta(hours=12)).dt.normalize()
    return cgm.assign(night=night)[inside.to_numpy()]


def outcome_per_night(cgm):
    w = tag_nights(cgm, OUTCOME_WINDOW)
    low_minutes = (w["glucose"] < HYPO_MMOL).groupby([w["patient_id"], w["night"]]).sum() * 5
    return (low_minutes >= 15).astype(int).rename("hypo").reset_index()


def glucose_features(cgm):
    w = tag_nights(cgm, GLUCOSE_WINDOW)
    g = w.groupby(["patient_id", "night"])["glucose"]
    feats = pd.DataFrame({
        "g_mean": g.mean(),
        "g_min": g.min(),
        "g_sd": g.std(),
        "pct_below_5": g.apply(lambda s: np.mean(s < 5.0) * 100),
        "n_readings": g.size(),
    })
    return feats[feats["n_readings"] >= 36].reset_index()


cgm = pd.read_parquet("data/cgm_readings.parquet")
diary = pd.read_csv("data/evening_diary.csv", parse_dates=["night"])
patients = pd.read_csv("data/patients.csv")

nights = (outcome_per_night(cgm)
          .merge(glucose_features(cgm), on=["patient_id", "night"])
          .merge(diary, on=["patient_id", "night"])
          .merge(patients, on="patient_id"))
nights["alcohol"] = (nights["alcohol_units"] > 0).astype(int)
print(nights.shape, "hypo rate:", round(nights["hypo"].mean(), 3))

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=9)
tr, te = next(gss.split(nights, groups=nights["patient_id"]))
train, test = nights.iloc[tr], nights.iloc[te]

formula = ("hypo ~ g_mean + g_min + g_sd + pct_below_5 + basal_units_per_kg + bedtime_carbs_g"
           " + exercise_min + alcohol + hba1c + diabetes_years + age + C(pump_user)")
fit = smf.logit(formula, data=train).fit(
    disp=False, cov_type="cluster", cov_kwds={"groups": train["patient_id"]})
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = fit.predict(test)
auc = roc_auc_score(test["hypo"], p_test)
deciles = pd.qcut(p_test, 10, labels=False, duplicates="drop")
calib = test.assign(p=p_test, dec=deciles).groupby("dec")[["p", "hypo"]].mean()
print(f"test patients: {test['patient_id'].nunique()}  nights: {len(test)}  AUC: {auc:.3f}")
print(calib.round(3))

odds = np.exp(fit.params).drop("Intercept")
print(odds.sort_values(ascending=False).round(2))
