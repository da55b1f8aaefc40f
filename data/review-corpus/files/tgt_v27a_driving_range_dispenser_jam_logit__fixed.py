# label: leakage/none
"""Predict which golf driving-range ball dispensers will jam on a given day."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

days = pd.read_csv("dispenser_days.csv", parse_dates=["date"])
units = pd.read_csv("dispenser_units.csv", parse_dates=["installed_on"])
weather = pd.read_csv("range_weather_daily.csv", parse_dates=["date"])

df = days.merge(units, on="dispenser_id", how="left").merge(weather, on=["site_id", "date"], how="left")
df = df[df["open_hours"] > 0].copy()
df["jammed"] = (df["jam_tickets"] > 0).astype(int)
df["weekend"] = (df["date"].dt.dayofweek >= 5).astype(int)
df["unit_age_years"] = (df["date"] - df["installed_on"]).dt.days / 365.25
df["log_baskets_booked"] = np.log1p(df["baskets_booked"])
df["wet_day"] = (df["rain_mm"] > 1.0).astype(int)
df["days_since_service"] = df["days_since_service_at_open"].clip(upper=365)
df = df.sort_values(["dispenser_id", "date"])

cutoff = pd.Timestamp("2024-04-01")
train = df[df["date"] < cutoff].copy()
test = df[df["date"] >= cutoff].copy()

# how jam-prone each dispenser is, from earlier days only
grp = train.groupby("dispenser_id")["jammed"]
prior_days = grp.cumcount()
train["dispenser_jam_rate"] = (grp.cumsum() - train["jammed"]) / prior_days.where(prior_days > 0)
test["dispenser_jam_rate"] = test["dispenser_id"].map(grp.mean())
base_rate = train["jammed"].mean()
train["dispenser_jam_rate"] = train["dispenser_jam_rate"].fillna(base_rate)
test["dispenser_jam_rate"] = test["dispenser_jam_rate"].fillna(base_rate)

formula = (
    "jammed ~ log_baskets_booked + weekend + wet_day + rel_humidity + days_since_service"
    " + unit_age_years + mean_ball_age_weeks + C(dispenser_model) + dispenser_jam_rate"
)
res = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(res.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(4))

test["p_jam"] = res.predict(test)
print(f"\ntest days: {len(test)}  jam rate {test['jammed'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['jammed'], test['p_jam']):.4f}")
print(f"Brier:   {brier_score_loss(test['jammed'], test['p_jam']):.4f}")

top = test.sort_values("p_jam", ascending=False).head(int(0.1 * len(test)))
print(f"jams caught by checking top 10% each day: {top['jammed'].sum() / test['jammed'].sum():.1%}")
