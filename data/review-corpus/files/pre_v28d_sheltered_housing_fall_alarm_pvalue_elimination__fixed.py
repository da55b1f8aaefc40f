# label: leakage/none
"""Risk of a fall-alarm activation in the next six months, sheltered housing
residents, snapshot taken at the April 2023 wellbeing review."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

OUTCOME = "fall_alarm_6m"
CANDIDATES = [
    "age", "female", "lives_alone", "walking_aid", "wheelchair_user", "falls_prior_12m",
    "n_medications", "sedative_rx", "antihypertensive_rx", "bmi", "grip_strength_kg",
    "timed_up_and_go_s", "vision_impaired", "hearing_impaired", "dementia_dx",
    "diabetes_dx", "continence_issue", "night_motion_events", "home_care_hours_wk",
    "first_floor_flat", "pendant_tests_missed",
]

residents = pd.read_csv("care_data/wellbeing_review_2023_04.csv")
residents = residents.dropna(subset=CANDIDATES + [OUTCOME]).reset_index(drop=True)
residents["night_motion_events"] = np.log1p(residents["night_motion_events"])
print(f"{len(residents)} residents, event rate {residents[OUTCOME].mean():.3f}")


def backward_eliminate(data, outcome, candidates, threshold=0.05):
    kept = list(candidates)
    while kept:
        res = sm.Logit(data[outcome], sm.add_constant(data[kept])).fit(disp=0, maxiter=200)
        pvals = res.pvalues.drop("const")
        worst = pvals.idxmax()
        if pvals[worst] <= threshold:
            return kept
        print(f"  dropping {worst:<24} p={pvals[worst]:.3f}")
        kept.remove(worst)
    return kept


train, test = train_test_split(residents, test_size=0.3, stratify=residents[OUTCOME], random_state=21)

kept = backward_eliminate(train, OUTCOME, CANDIDATES)
print(f"{len(kept)} predictors kept: {kept}")

logit = sm.Logit(train[OUTCOME], sm.add_constant(train[kept])).fit(disp=0)
odds = pd.DataFrame({
    "OR": np.exp(logit.params),
    "lo95": np.exp(logit.conf_int()[0]),
    "hi95": np.exp(logit.conf_int()[1]),
    "p": logit.pvalues,
}).drop(index="const")
print(odds.round(3))

p_test = logit.predict(sm.add_constant(test[kept], has_constant="add"))
print(f"\nhold-out AUC   {roc_auc_score(test[OUTCOME], p_test):.3f}")
print(f"hold-out Brier {brier_score_loss(test[OUTCOME], p_test):.4f}")

calib = (
    test.assign(p=p_test, decile=pd.qcut(p_test, 10, labels=False, duplicates="drop"))
    .groupby("decile")
    .agg(predicted=("p", "mean"), observed=(OUTCOME, "mean"), n=(OUTCOME, "size"))
)
print(calib.round(3))
