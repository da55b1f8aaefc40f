# label: leakage/none
# twin: tgt_statsmodels_salary_band_helper__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf


def add_band(frame, col, edges):
    frame = frame.copy()
    frame[f"{col}_band"] = pd.cut(frame[col], bins=edges, labels=False, include_lowest=True)
    return frame


salaries = pd.read_csv("salaries_2023.csv")
salaries = add_band(salaries, "experience_years", [0, 2, 5, 10, 20, 60])
salaries["log_salary"] = np.log(salaries["salary_usd"])

train = salaries.sample(frac=0.8, random_state=1)
test = salaries.drop(train.index)
fit = smf.ols(
    "log_salary ~ C(experience_years_band) + C(company_size) + C(remote_ratio)", data=train
).fit()
rmse = np.sqrt(np.mean((test["log_salary"] - fit.predict(test)) ** 2))
print(fit.summary())
print("test RMSE (log salary):", rmse)
