# label: leakage/target
"""Shopmobility scheme: chance that a hired scooter or wheelchair comes back late.

Late = returned more than 30 minutes after the agreed time. The desk uses the
score at check-out to decide whether to phone the member half an hour before
closing. Data: booking system export, one row per hire.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

CUTOFF = "2024-01-01"


def load_hires(path):
    hires = pd.read_csv(path, parse_dates=["checked_out_at", "due_back_at"])
    hires = hires[hires["hire_status"].isin(["returned", "returned_late"])].copy()
    hires["late"] = (hires["hire_status"] == "returned_late").astype(int)
    hires["planned_hours"] = (hires["due_back_at"] - hires["checked_out_at"]).dt.total_seconds() / 3600
    hires["checkout_hour"] = hires["checked_out_at"].dt.hour
    hires["saturday"] = (hires["checked_out_at"].dt.dayofweek == 5).astype(int)
    hires["due_near_close"] = (hires["due_back_at"].dt.hour >= 16).astype(int)
    hires = hires.sort_values("checked_out_at")
    hires["prior_hires"] = hires.groupby("member_id").cumcount()
    hires["first_hire"] = (hires["prior_hires"] == 0).astype(int)
    return hires


def summarise(name, y, p):
    print(f"{name:6s} n={len(y):5d}  late={y.mean():.3f}  "
          f"AUC={roc_auc_score(y, p):.3f}  Brier={brier_score_loss(y, p):.4f}")


hires = load_hires("shopmobility_hires.csv")
hires = hires.dropna(subset=["battery_pct_out", "member_age", "rain_forecast_mm"])

train = hires[hires["checked_out_at"] < CUTOFF]
test = hires[hires["checked_out_at"] >= CUTOFF]

formula = (
    "late ~ C(equipment_type) + planned_hours + I(planned_hours ** 2)"
    " + checkout_hour + saturday + due_near_close + battery_pct_out"
    " + np.log1p(prior_hires) + first_hire + member_age + uses_carer"
    " + rain_forecast_mm + chase_calls_logged"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1].round(3))

summarise("train", train["late"], fit.predict(train))
summarise("test", test["late"], fit.predict(test))

odds = np.exp(fit.params).rename("odds_ratio")
print("\nodds ratios")
print(odds.drop("Intercept").sort_values(ascending=False).round(2).to_string())

# calibration by decile on the test months
test = test.assign(p=fit.predict(test))
test["decile"] = pd.qcut(test["p"], 10, labels=False, duplicates="drop")
print(test.groupby("decile").agg(pred=("p", "mean"), obs=("late", "mean"), n=("late", "size")).round(3))
