# label: leakage/none
"""Which equipment-loan wheelchairs will not come back?

Short-term wheelchair loans issued by the hospital equipment library. A loan is
counted as unreturned if the chair is not back within 90 days of its due date.
Fitted as a logistic regression so the service can read the odds ratios.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

loans = pd.read_csv(
    "data/wheelchair_loans.csv", parse_dates=["issued_on", "due_on", "returned_on"]
)
loans = loans[loans["loan_status"] != "cancelled"].copy()

grace = pd.Timedelta(days=90)
extract_date = pd.Timestamp("2024-10-01")
loans = loans[loans["due_on"] + grace < extract_date]
loans["unreturned"] = (
    loans["returned_on"].isna() | (loans["returned_on"] > loans["due_on"] + grace)
).astype(int)

loans["loan_weeks"] = (loans["due_on"] - loans["issued_on"]).dt.days / 7
loans["log_distance_km"] = np.log1p(loans["home_distance_km"])
loans["age_band"] = pd.cut(
    loans["patient_age"], bins=[0, 18, 40, 65, 80, 120], labels=["u18", "18_39", "40_64", "65_79", "80p"]
)
loans["issued_weekend"] = (loans["issued_on"].dt.dayofweek >= 5).astype(int)
loans["prior_late_share"] = loans["prior_late_returns"] / loans["prior_loans"].replace(0, np.nan)
loans["prior_late_share"] = loans["prior_late_share"].fillna(0.0)

formula = (
    "unreturned ~ C(issue_point) + C(chair_type) + C(age_band) + loan_weeks"
    " + log_distance_km + issued_weekend + deposit_taken + prior_loans"
    " + prior_late_share + lives_alone"
)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=13)
train_idx, test_idx = next(splitter.split(loans, groups=loans["patient_id"]))
train, test = loans.iloc[train_idx], loans.iloc[test_idx]
print(f"train loans {len(train)}, test loans {len(test)}, unreturned rate {loans['unreturned'].mean():.3f}")

result = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(result.summary())

odds = pd.DataFrame(
    {
        "odds_ratio": np.exp(result.params),
        "ci_low": np.exp(result.conf_int()[0]),
        "ci_high": np.exp(result.conf_int()[1]),
        "p": result.pvalues,
    }
).round(3)
print(odds.sort_values("p").head(15))

p_test = result.predict(test)
print(f"test ROC AUC: {roc_auc_score(test['unreturned'], p_test):.4f}")
print(f"test Brier:   {brier_score_loss(test['unreturned'], p_test):.4f}")

# how many chairs would a call-round of the top 10% of loans reach?
top = test.assign(p=p_test).nlargest(int(0.1 * len(test)), "p")
print(f"unreturned captured by top decile: {top['unreturned'].sum() / test['unreturned'].sum():.1%}")
