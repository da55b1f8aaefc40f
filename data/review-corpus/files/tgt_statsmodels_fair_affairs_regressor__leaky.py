# label: leakage/target
# twin: tgt_statsmodels_fair_affairs_regressor__fixed.py
# source: adapted from statsmodels examples/python/discrete_choice_example.py (BSD-3-Clause, (c) the statsmodels developers)
import numpy as np
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score

dta = sm.datasets.fair.load_pandas().data
dta["affair"] = (dta["affairs"] > 0).astype(float)
print(dta.head(10))

rng = np.random.default_rng(1)
is_test = rng.random(len(dta)) < 0.25
train, test = dta[~is_test], dta[is_test]

formula = "affair ~ occupation + educ + occupation_husb + rate_marriage + age + yrs_married + children + religious + affairs"
affair_mod = sm.Logit.from_formula(formula, data=train).fit()
print(affair_mod.summary())
print("test AUC", roc_auc_score(test["affair"], affair_mod.predict(test)))
