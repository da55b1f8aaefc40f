# label: leakage/target
# twin: tgt_loan_dpd_first_months_xgb__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

APPLICATION_FEATURES = [
    "loan_amount", "term_months", "interest_rate", "annual_income", "dti",
    "fico_low", "revol_util", "open_accounts", "inquiries_6m", "emp_length_years",
]

loans = pd.read_csv("data/personal_loans_2019_2021.csv", parse_dates=["origination_date"])
loans["default_12m"] = (loans["months_to_default"].fillna(99) <= 12).astype(int)

perf = pd.read_csv("data/loan_monthly_performance.csv")
early = (
    perf[perf["months_since_origination"] <= 6]
    .groupby("loan_id")["days_past_due"]
    .max()
    .rename("max_dpd_first_6m")
)
loans = loans.merge(early, on="loan_id", how="left").fillna({"max_dpd_first_6m": 0})
features = APPLICATION_FEATURES + ["max_dpd_first_6m"]

train = loans[loans["origination_date"] < "2021-01-01"]
test = loans[loans["origination_date"] >= "2021-01-01"]

dtrain = xgb.DMatrix(train[features], label=train["default_12m"])
dtest = xgb.DMatrix(test[features], label=test["default_12m"])
params = {"objective": "binary:logistic", "eta": 0.05, "max_depth": 4, "subsample": 0.8,
          "colsample_bytree": 0.8, "eval_metric": "auc", "seed": 3}
booster = xgb.train(params, dtrain, num_boost_round=600)

pd_hat = booster.predict(dtest)
print(f"out-of-time AUC: {roc_auc_score(test['default_12m'], pd_hat):.4f}")
print(pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False).head(10))
