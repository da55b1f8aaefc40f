# label: leakage/none
"""Post-operative delirium risk on the orthogeriatric hip-fracture ward.

Admissions from the local hip-fracture audit extract, one row per fracture
episode. The score is produced when the patient returns from theatre so that
the delirium-prevention bundle (sleep, hydration, orientation) starts on the
first post-operative night.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

AUDIT = "audit/nhfd_local_extract.csv"

FORMULA = (
    "delirium_4at ~ age + C(sex) + amts_on_admission + prefracture_dementia"
    " + C(residence) + C(asa_grade) + n_regular_meds + anticholinergic_burden"
    " + sodium + haemoglobin + urea + hours_to_theatre + C(anaesthetic)"
)


def load_admissions(path):
    df = pd.read_csv(path, parse_dates=["admitted_at", "theatre_at", "discharged_at"])
    df = df[df["age"] >= 60]
    df = df.sort_values("admitted_at").drop_duplicates("nhs_number_hash", keep="first")
    df["hours_to_theatre"] = (
        (df["theatre_at"] - df["admitted_at"]).dt.total_seconds() / 3600
    ).clip(upper=120)
    df["residence"] = df["residence"].replace({"sheltered": "own_home"})
    df["asa_grade"] = df["asa_grade"].clip(upper=4).astype(int)
    df["delirium_4at"] = (df["max_4at_postop"] >= 4).astype(int)
    cols = [
        "delirium_4at", "age", "sex", "amts_on_admission", "prefracture_dementia",
        "residence", "asa_grade", "n_regular_meds", "anticholinergic_burden",
        "sodium", "haemoglobin", "urea", "hours_to_theatre", "anaesthetic",
    ]
    return df[cols].dropna()


adm = load_admissions(AUDIT)
print(f"{len(adm)} admissions, delirium {adm['delirium_4at'].mean():.1%}")

train, test = train_test_split(
    adm, test_size=0.3, stratify=adm["delirium_4at"], random_state=2024
)

fit = smf.logit(FORMULA, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1].round(3))

odds = pd.DataFrame({
    "OR": np.exp(fit.params),
    "lo": np.exp(fit.conf_int()[0]),
    "hi": np.exp(fit.conf_int()[1]),
}).round(2)
print(odds)

p = fit.predict(test)
print(f"test ROC AUC: {roc_auc_score(test['delirium_4at'], p):.3f}")
print(f"test Brier:   {brier_score_loss(test['delirium_4at'], p):.4f}")

# calibration by risk decile
test = test.assign(p=p, decile=pd.qcut(p, 10, labels=False, duplicates="drop"))
calib = test.groupby("decile").agg(pred=("p", "mean"), obs=("delirium_4at", "mean"),
                                   n=("p", "size"))
print(calib.round(3))
