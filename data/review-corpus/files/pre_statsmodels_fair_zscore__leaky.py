# label: leakage/preprocessing
# twin: pre_statsmodels_fair_zscore__fixed.py
# source: adapted from statsmodels examples/python/discrete_choice_example.py (BSD-3-Clause, (c) the statsmodels developers)
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score
from statsmodels.formula.api import logit

dta = sm.datasets.fair.load_pandas().data
dta["affair"] = (dta["affairs"] > 0).astype(float)

# standardize the numeric regressors so the coefficients are comparable
numeric = ["rate_marriage", "age", "yrs_married", "children", "religious", "educ"]
dta[numeric] = (dta[numeric] - dta[numeric].mean()) / dta[numeric].std()

test = dta.sample(frac=0.25, random_state=0)
train = dta.drop(test.index)

affair_mod = logit(
    "affair ~ C(occupation) + C(occupation_husb) + rate_marriage + age + yrs_married + children + religious + educ",
    train,
).fit()
print(affair_mod.summary())
print("test ROC AUC:", roc_auc_score(test["affair"], affair_mod.predict(test)))
