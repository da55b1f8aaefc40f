# label: leakage/none
# Income team: which council tenancies will reach 8+ weeks of rent arrears during the
# financial year? Scored each April so the tenancy sustainment officers can get in early.
# One row per tenancy per financial year.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, average_precision_score

ty = pd.read_csv("housing/income/tenancy_years.csv")
estates = pd.read_csv("housing/stock/estates.csv", usecols=["estate_id", "area_office", "stock_type"])
ty = ty.merge(estates, on="estate_id", how="left")

# rent and household details as held on 1 April of the year being scored
ty["rent_to_income"] = (ty["weekly_rent"] / ty["weekly_household_income"]).clip(upper=1.5)
ty["log_tenure_months"] = np.log1p(ty["tenure_months"])
ty["uc_claimant"] = ty["universal_credit"].astype(int)
ty["under_occupying"] = (ty["bedrooms"] > ty["bedroom_need"]).astype(int)
ty["missed_prev_year"] = ty["missed_payments_prev_year"].clip(upper=12)
ty["arrears_8wk"] = ty["reached_8wk_arrears"].astype(int)

# estate effect: share of the estate's tenancies that went into serious arrears the
# year before (borough-wide rate where an estate has no history)
prev = ty.groupby(["estate_id", "fin_year"], as_index=False)["arrears_8wk"].mean()
prev["fin_year"] += 1
prev = prev.rename(columns={"arrears_8wk": "estate_arrears_rate"})
borough_prev = ty.groupby("fin_year")["arrears_8wk"].mean()
borough_prev.index += 1
ty = ty.merge(prev, on=["estate_id", "fin_year"], how="left")
ty["estate_arrears_rate"] = ty["estate_arrears_rate"].fillna(ty["fin_year"].map(borough_prev))

train = ty[ty["fin_year"].between(2018, 2022)]
test = ty[ty["fin_year"] == 2023]
print(f"train tenancy-years {len(train):,}  test {len(test):,}")

formula = (
    "arrears_8wk ~ rent_to_income + uc_claimant + under_occupying + missed_prev_year"
    " + log_tenure_months + I(tenant_age < 25) + household_size + C(stock_type)"
    " + C(area_office) + estate_arrears_rate"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p = fit.predict(test)
print(f"2023/24  ROC AUC {roc_auc_score(test['arrears_8wk'], p):.3f}"
      f"  AP {average_precision_score(test['arrears_8wk'], p):.3f}")

# caseload view: officers can take ~400 referrals a year
test = test.assign(risk=p.to_numpy())
caseload = test.nlargest(400, "risk")
print(f"arrears cases in top 400: {caseload['arrears_8wk'].sum()} of {test['arrears_8wk'].sum()}")
print(caseload.groupby("area_office")["arrears_8wk"].agg(["size", "sum"]))

odds = np.exp(fit.params).rename("odds_ratio").round(3)
odds.to_csv("reports/arrears_logit_odds_ratios.csv")
