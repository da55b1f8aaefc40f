# label: leakage/none
# twin: ovl_statsmodels_weighted_rows_expanded__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

# Survey extract: one row per respondent with a design weight (how many people the row stands for).
survey = pd.read_csv("health_survey.csv")

test = survey.sample(frac=0.25, random_state=4)
train = survey.drop(test.index)

model = smf.glm("smoker ~ age + C(sex) + C(region) + income_band + bmi", data=train,
                family=sm.families.Binomial(), freq_weights=np.asarray(train["weight"])).fit()
print(model.summary())
print("test AUC", roc_auc_score(test["smoker"], model.predict(test), sample_weight=test["weight"]))
