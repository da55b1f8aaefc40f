# label: leakage/target
"""Predict at receipt which red-cell units in a hospital blood bank will expire on the shelf unused."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import average_precision_score, roc_auc_score

units = pd.read_csv("data/rbc_units.csv",
                    parse_dates=["received_at", "expiry_date", "disposition_at"])
stock = pd.read_csv("data/opening_stock_by_group.csv", parse_dates=["date"])

units = units[units["component"].isin(["RBC", "RBC_irradiated", "RBC_washed"])].copy()
units = units[units["disposition"].isin(["transfused", "expired", "returned", "discarded"])]
units["expired"] = (units["disposition"] == "expired").astype(int)

units["shelf_days_left"] = (units["expiry_date"] - units["received_at"]).dt.days
units["days_in_inventory"] = (units["disposition_at"] - units["received_at"]).dt.total_seconds() / 86400
units["receipt_dow"] = units["received_at"].dt.dayofweek
units["receipt_hour"] = units["received_at"].dt.hour
units["date"] = units["received_at"].dt.normalize()
units["o_neg"] = (units["abo_rh"] == "O-").astype(int)

# opening stock for the unit's group on the day it arrived
units = units.merge(stock[["date", "hospital_id", "abo_rh", "opening_units", "issues_prev28d"]],
                    on=["date", "hospital_id", "abo_rh"], how="left")
units["days_of_cover"] = units["opening_units"] / (units["issues_prev28d"] / 28).clip(lower=0.1)

CATS = ["abo_rh", "component", "hospital_id", "supplier_centre"]
NUMS = ["shelf_days_left", "days_in_inventory", "receipt_dow", "receipt_hour", "o_neg",
        "opening_units", "issues_prev28d", "days_of_cover", "cmv_negative", "hbs_negative"]
for c in CATS:
    units[c] = units[c].astype("category")

# units received late in the training window need up to 42 days to resolve
cutoff = pd.Timestamp("2024-01-01")
train = units[units["received_at"] < cutoff - pd.Timedelta(days=42)]
test = units[units["received_at"] >= cutoff]
print(f"train {len(train)} units, test {len(test)} units, expiry rate {train['expired'].mean():.3f}")

model = lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=63,
                           min_child_samples=50, colsample_bytree=0.8,
                           scale_pos_weight=(1 - train["expired"].mean()) / train["expired"].mean(),
                           random_state=13, verbose=-1)
model.fit(train[CATS + NUMS], train["expired"], categorical_feature=CATS)

proba = model.predict_proba(test[CATS + NUMS])[:, 1]
print(f"ROC AUC {roc_auc_score(test['expired'], proba):.3f}")
print(f"PR AUC  {average_precision_score(test['expired'], proba):.3f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=CATS + NUMS)
print((imp / imp.sum()).sort_values(ascending=False).round(3).head(8))
by_group = test.assign(p=proba).groupby(["hospital_id", "abo_rh"], observed=True)[["expired", "p"]].mean()
print(by_group.sort_values("p", ascending=False).head(12).round(3))
