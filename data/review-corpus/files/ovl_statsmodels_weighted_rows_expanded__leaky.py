# label: leakage/overlap
# twin: ovl_statsmodels_weighted_rows_expanded__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

# Survey extract: one row per respondent with a design weight (how many people the row stands for).
survey = pd.read_csv("health_survey.csv")
reps = np.maximum(1, np.round(survey["weight"] / survey["weight"].min())).astype(int)
expanded = survey.loc[survey.index.repeat(reps)].reset_index(drop=True)

test = expanded.sample(frac=0.25, random_state=4)
train = expanded.drop(test.index)

model = smf.logit("smoker ~ age + C(sex) + C(region) + income_band + bmi", data=train).fit(disp=0)
print(model.summary())
print("test AUC", roc_auc_score(test["smoker"], model.predict(test)))
