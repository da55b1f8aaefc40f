# label: leakage/target
"""Which cattery bookings end with the owner collecting early?

Early collections free a pen the night before it was expected, which the front desk would
like to resell. One row per completed stay from the booking system export.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

CUTOFF = "2024-01-01"


def load_stays(path):
    stays = pd.read_csv(
        path,
        parse_dates=["booked_at", "checkin_date", "booked_checkout_date", "actual_checkout_date"],
    )
    stays = stays[stays["status"] == "completed"].sort_values("checkin_date").reset_index(drop=True)
    stays["early_collection"] = (
        stays["actual_checkout_date"] < stays["booked_checkout_date"]
    ).astype(int)
    return stays


def build_features(stays):
    feats = pd.DataFrame(index=stays.index)
    feats["early_collection"] = stays["early_collection"]
    feats["nights_booked"] = (stays["booked_checkout_date"] - stays["checkin_date"]).dt.days
    feats["lead_days"] = (stays["checkin_date"] - stays["booked_at"]).dt.days.clip(lower=0)
    feats["n_cats"] = stays["n_cats"]
    feats["senior_cat"] = (stays["oldest_cat_age_years"] >= 11).astype(int)
    feats["on_medication"] = stays["medication_required"].astype(int)
    feats["christmas_period"] = stays["checkin_date"].dt.strftime("%m-%d").between("12-18", "12-31").astype(int)
    feats["summer_holiday"] = stays["checkin_date"].dt.month.isin([7, 8]).astype(int)
    feats["returning_owner"] = (stays.groupby("owner_id").cumcount() > 0).astype(int)
    feats["deposit_paid"] = stays["deposit_paid"].astype(int)
    feats["invoice_vs_quote"] = stays["invoice_total"] / stays["quote_total"]
    feats["checkin_date"] = stays["checkin_date"]
    return feats


stays = load_stays("exports/cattery_stays_2019_2024.csv")
data = build_features(stays)

train = data[data["checkin_date"] < CUTOFF]
test = data[data["checkin_date"] >= CUTOFF]
print(f"train stays: {len(train)}, test stays: {len(test)}, early rate {train['early_collection'].mean():.1%}")

formula = (
    "early_collection ~ np.log1p(nights_booked) + np.log1p(lead_days) + n_cats + senior_cat"
    " + on_medication + christmas_period + summer_holiday + returning_owner + deposit_paid"
    " + invoice_vs_quote"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary())

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.round(3).to_string())

p_test = fit.predict(test)
print(f"2024 ROC AUC: {roc_auc_score(test['early_collection'], p_test):.3f}")

test = test.assign(p=p_test)
test["band"] = pd.cut(test["p"], [0, 0.1, 0.2, 0.4, 1.0])
print(test.groupby("band", observed=True)["early_collection"].agg(["mean", "size"]))
