# label: leakage/none
"""Freight brokerage: will the primary carrier reject the load tender?

tenders_train.csv = Jan-Sep loads, tenders_holdout.csv = Oct-Dec loads (both with
the accept/reject outcome from the TMS). Rejections push the load to the spot
board, so ops want a flag at tender time.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

DATES = ["tendered_at", "pickup_window_start"]
train = pd.read_csv("data/tenders_train.csv", parse_dates=DATES)
hold = pd.read_csv("data/tenders_holdout.csv", parse_dates=DATES)

for frame in (train, hold):
    frame["lane"] = frame["origin_zip3"].astype(str) + "-" + frame["dest_zip3"].astype(str)
    frame["lead_hours"] = (frame["pickup_window_start"] - frame["tendered_at"]).dt.total_seconds() / 3600
    frame["rate_per_mile"] = frame["linehaul_rate_usd"] / frame["miles"].clip(lower=1)
    frame["tender_dow"] = frame["tendered_at"].dt.dayofweek
    frame["tender_hour"] = frame["tendered_at"].dt.hour
    frame["pickup_friday"] = (frame["pickup_window_start"].dt.dayofweek == 4).astype(int)

# lane / carrier / shipper volumes as popularity features
count_cols = ["lane", "carrier_scac", "shipper_id", "origin_zip3", "dest_zip3"]
for col in count_cols:
    share = train[col].value_counts(normalize=True)
    train[f"{col}_share"] = train[col].map(share)
    hold[f"{col}_share"] = hold[col].map(share).fillna(0.0)
pair_loads = train.groupby(["carrier_scac", "lane"]).size().rename("carrier_lane_loads")
train = train.join(pair_loads, on=["carrier_scac", "lane"])
hold = hold.join(pair_loads, on=["carrier_scac", "lane"])
hold["carrier_lane_loads"] = hold["carrier_lane_loads"].fillna(0)

cat_cols = ["equipment_type", "carrier_scac", "origin_state", "dest_state"]
for col in cat_cols:
    train[col] = train[col].astype("category")
    hold[col] = pd.Categorical(hold[col], categories=train[col].cat.categories)

features = (
    ["lead_hours", "miles", "rate_per_mile", "weight_lbs", "stops", "tender_dow",
     "tender_hour", "pickup_friday", "hazmat", "team_required", "carrier_lane_loads"]
    + [f"{c}_share" for c in count_cols]
    + cat_cols
)
target = "rejected"

model = lgb.LGBMClassifier(
    n_estimators=700,
    learning_rate=0.03,
    num_leaves=63,
    min_child_samples=50,
    colsample_bytree=0.7,
    subsample=0.8,
    subsample_freq=1,
    reg_lambda=1.0,
    random_state=4,
    verbose=-1,
)
model.fit(train[features], train[target], categorical_feature=cat_cols)

p = model.predict_proba(hold[features])[:, 1]
print(f"Q4 AUC       {roc_auc_score(hold[target], p):.3f}")
print(f"Q4 PR AUC    {average_precision_score(hold[target], p):.3f}")
print(f"Q4 log loss  {log_loss(hold[target], p):.4f}")

# rejection rate by predicted risk band, for the ops dashboard
bands = pd.cut(p, [0, 0.1, 0.25, 0.5, 1.0], include_lowest=True)
summary = pd.DataFrame({"band": bands, "rejected": hold[target].to_numpy()})
print(summary.groupby("band", observed=True)["rejected"].agg(["count", "mean"]).round(3))

gain = pd.Series(model.booster_.feature_importance("gain"), index=features)
print((gain / gain.sum()).sort_values(ascending=False).head(10).round(3))
