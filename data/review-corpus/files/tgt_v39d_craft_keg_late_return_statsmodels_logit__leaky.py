# label: leakage/target
"""Which outgoing kegs will stay out more than 60 days?

Kegs that sit in trade accounts tie up stainless steel we need for the summer
peak. Logistic regression on keg-trip records from the tracking system, used to
decide which accounts get a collection reminder at dispatch.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

SNAPSHOT = pd.Timestamp("2024-09-30")
HORIZON_DAYS = 60


def load_trips(path):
    trips = pd.read_csv(path, parse_dates=["dispatched_on", "returned_on"])
    # only trips whose 60-day outcome is already known at the snapshot
    trips = trips[trips["dispatched_on"] <= SNAPSHOT - pd.Timedelta(days=HORIZON_DAYS)].copy()
    days_out = (trips["returned_on"].fillna(SNAPSHOT) - trips["dispatched_on"]).dt.days
    trips["late"] = (days_out > HORIZON_DAYS).astype(int)

    trips["return_condition"] = trips["return_condition"].fillna("not_returned")
    trips["log_distance"] = np.log1p(trips["distance_km"])
    trips["dispatch_month"] = trips["dispatched_on"].dt.month
    trips["summer"] = trips["dispatch_month"].isin([6, 7, 8]).astype(int)
    trips = trips.sort_values("dispatched_on")
    trips["account_prior_trips"] = trips.groupby("account_id").cumcount()
    trips["log_prior_trips"] = np.log1p(trips["account_prior_trips"])
    return trips


trips = load_trips("tracking/keg_trips_2021_2024.csv")
print(trips["late"].mean().round(3), len(trips))

FORMULA = (
    "late ~ C(account_type) + C(keg_size) + C(beer_style) + log_distance"
    " + log_prior_trips + summer + kegs_in_order + credit_terms_days"
    " + C(return_condition)"
)

# most recent six months for testing, with a 60-day gap so training outcomes are settled
test_start = trips["dispatched_on"].max() - pd.DateOffset(months=6)
train = trips[trips["dispatched_on"] < test_start - pd.Timedelta(days=HORIZON_DAYS)]
test = trips[trips["dispatched_on"] >= test_start]
print(f"train {len(train)} trips, test {len(test)} trips")

fit = smf.logit(FORMULA, data=train).fit(maxiter=200, disp=False)
print(fit.summary2().tables[1].round(3))

p = fit.predict(test)
print(f"test ROC AUC: {roc_auc_score(test['late'], p):.3f}")
print(f"test Brier:   {brier_score_loss(test['late'], p):.4f}")

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).head(8).round(2).to_string())

by_account = (
    test.assign(p_late=p)
    .groupby("account_type")[["late", "p_late"]]
    .mean()
    .round(3)
)
print(by_account.to_string())
