# label: leakage/target
"""Estimate decorator labour hours for bespoke celebration cake orders from the consultation sheet."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

orders = pd.read_csv("cake_orders.csv", parse_dates=["order_date", "event_date"])
designs = pd.read_csv("design_consultations.csv")
billing = pd.read_csv("order_billing.csv")

df = (
    orders.merge(designs, on="order_id", how="inner")
    .merge(billing, on="order_id", how="left")
)
df = df[(df["status"] == "delivered") & (df["decorator_hours"] > 0)].copy()

df["lead_days"] = (df["event_date"] - df["order_date"]).dt.days
df["rush"] = (df["lead_days"] < 7).astype(int)
df["sugar_flowers"] = df["sugar_flowers"].fillna(0)
df["hand_painted"] = df["hand_painted"].fillna(0).astype(int)
df["log_guests"] = np.log(df["guests"].clip(lower=4))
df["log_price"] = np.log(df["invoice_total_gbp"])
df["log_hours"] = np.log(df["decorator_hours"])
df["season"] = df["event_date"].dt.quarter.map({1: "winter", 2: "spring", 3: "summer", 4: "autumn"})

df = df.sort_values("order_date")
split_date = df["order_date"].quantile(0.8)
train = df[df["order_date"] <= split_date]
test = df[df["order_date"] > split_date]

formula = (
    "log_hours ~ tiers + log_guests + sugar_flowers + hand_painted + rush + complexity_score"
    " + log_price + C(finish, Treatment('buttercream')) + C(season)"
)
ols = smf.ols(formula, data=train).fit(cov_type="HC3")
print(ols.summary().tables[1])

# log-scale smearing factor for back-transforming
smear = np.mean(np.exp(ols.resid))
pred_hours = np.exp(ols.predict(test)) * smear

err = pred_hours - test["decorator_hours"]
print(f"train orders: {len(train)}, test orders: {len(test)}")
print(f"test MAE: {np.mean(np.abs(err)):.2f} hours")
print(f"test RMSE: {np.sqrt(np.mean(err ** 2)):.2f} hours")
print(f"within 1 hour: {np.mean(np.abs(err) <= 1.0):.1%}")

by_finish = test.assign(pred=pred_hours).groupby("finish")[["decorator_hours", "pred"]].mean()
print(by_finish.round(2))
