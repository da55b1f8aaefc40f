# label: leakage/none
# twin: tgt_microfinance_default__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

loans = pd.read_csv("data/microfinance_loans.csv", parse_dates=["disbursed_on"])
loans["log_amount"] = np.log(loans["loan_amount"])
loans["repeat_borrower"] = (loans["prior_loans"] > 0).astype(int)
loans["disbursed_q4"] = (loans["disbursed_on"].dt.quarter == 4).astype(int)

train, test = train_test_split(loans, test_size=0.3, stratify=loans["defaulted"], random_state=12)

formula = ("defaulted ~ log_amount + term_months + C(sector) + C(region) + group_size"
           " + repeat_borrower + borrower_age + disbursed_q4")
fit = smf.logit(formula, data=train).fit(disp=False)
print(fit.summary())

p = fit.predict(test)
print("test AUC:", round(roc_auc_score(test["defaulted"], p), 3))
print(np.exp(fit.params).round(2))
