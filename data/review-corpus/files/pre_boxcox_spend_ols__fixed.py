# label: leakage/none
# twin: pre_boxcox_spend_ols__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Loyalty programme: explain and predict monthly spend from customer attributes."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

customers = pd.read_csv("data/loyalty_customers.csv")
customers = customers[(customers["income"] > 0) & (customers["monthly_spend"] > 0)].copy()

customers["log_spend"] = np.log(customers["monthly_spend"])
rng = np.random.default_rng(2024)
mask = rng.random(len(customers)) < 0.75
train, test = customers[mask].copy(), customers[~mask].copy()

# income is heavily right-skewed; Box-Cox it before modelling (lambda from training rows)
train["income_bc"], income_lambda = stats.boxcox(train["income"])
test["income_bc"] = stats.boxcox(test["income"], lmbda=income_lambda)
print(f"Box-Cox lambda for income: {income_lambda:.3f}")

formula = "log_spend ~ income_bc + age + I(age ** 2) + tenure_years + C(segment) + has_app"
ols = smf.ols(formula, data=train).fit(cov_type="HC3")
print(ols.summary().tables[1])

pred_spend = np.exp(ols.predict(test))
mape = np.mean(np.abs(pred_spend - test["monthly_spend"]) / test["monthly_spend"])
print(f"hold-out MAPE: {mape:.1%}")
