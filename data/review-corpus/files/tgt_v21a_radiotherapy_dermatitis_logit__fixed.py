# label: leakage/none
"""Breast radiotherapy: risk of grade >= 2 radiation dermatitis (CTCAE), logistic model with odds ratios."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, brier_score_loss

COHORT = "data/breast_rt_cohort.csv"
SCHEDULES = {"conventional_50_25": "conv", "hypo_40_15": "hypo", "hypo_26_5": "ultra"}

FORMULA = (
    "derm_g2 ~ age + bmi + I(breast_volume_cc / 100) + C(schedule) + boost + bolus"
    " + skin_dmax_pct + smoker + diabetes + prior_chemo + C(bra_cup_band)"
)


def prepare(path):
    df = pd.read_csv(path)
    df["schedule"] = df["fractionation"].map(SCHEDULES)
    df = df.dropna(subset=["schedule", "max_ctcae_derm"])
    df["derm_g2"] = (df["max_ctcae_derm"] >= 2).astype(int)
    for col in ["boost", "bolus", "smoker", "diabetes", "prior_chemo"]:
        df[col] = df[col].fillna(0).astype(int)
    df["bra_cup_band"] = pd.cut(df["bra_cup_num"], [0, 2, 4, 10], labels=["A-B", "C-D", "E+"])
    return df


def odds_table(result):
    ci = result.conf_int()
    table = pd.DataFrame({
        "OR": np.exp(result.params),
        "2.5%": np.exp(ci[0]),
        "97.5%": np.exp(ci[1]),
        "p": result.pvalues,
    })
    return table.drop(index="Intercept")


cohort = prepare(COHORT)
print(len(cohort), "patients; grade>=2 rate", round(cohort["derm_g2"].mean(), 3))
print(cohort.groupby("schedule")["derm_g2"].agg(["mean", "size"]))

model_cols = ["derm_g2", "age", "bmi", "breast_volume_cc", "schedule", "boost", "bolus",
              "skin_dmax_pct", "smoker", "diabetes", "prior_chemo", "bra_cup_band"]
data = cohort[model_cols].dropna()
train, test = train_test_split(data, test_size=0.3, stratify=data["derm_g2"], random_state=9)

fit = smf.logit(FORMULA, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[0])
print(odds_table(fit).round(3))

p_test = fit.predict(test)
print("hold-out AUC  :", round(roc_auc_score(test["derm_g2"], p_test), 3))
print("hold-out Brier:", round(brier_score_loss(test["derm_g2"], p_test), 4))

quintiles = pd.qcut(p_test, 5, labels=False, duplicates="drop")
print(pd.DataFrame({"obs": test["derm_g2"], "pred": p_test, "q": quintiles})
      .groupby("q")[["obs", "pred"]].mean().round(3))
