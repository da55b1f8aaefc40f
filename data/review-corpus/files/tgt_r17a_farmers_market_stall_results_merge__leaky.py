# label: leakage/target
# twin: tgt_r17a_farmers_market_stall_results_merge__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
# Weekly revenue forecast for stalls at the Saturday farmers' market.
# Licensed under the Apache License, Version 2.0.
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

PATHS = {
    "stalls": "market/stalls.csv",
    "weeks": "market/market_weeks.csv",
    "results": "market/stall_week_results.csv",
}
HOLDOUT_WEEKS = 10
ID_COLS = ["stall_id", "market_date"]
TARGET = "revenue"


def load_panel(paths):
    stalls = pd.read_csv(paths["stalls"])
    weeks = pd.read_csv(paths["weeks"], parse_dates=["market_date"])
    results = pd.read_csv(paths["results"], parse_dates=["market_date"])
    results = results.rename(columns={"takings_gbp": "revenue", "txn_count": "transactions"})
    attendance = results[["stall_id", "market_date"]].drop_duplicates()
    panel = attendance.merge(stalls, on="stall_id", how="left")
    panel = panel.merge(weeks, on="market_date", how="left")
    panel = panel.merge(results, on=ID_COLS, how="left")
    return panel.sort_values(ID_COLS).reset_index(drop=True)


def add_history(panel):
    g = panel.groupby("stall_id")[TARGET]
    panel["rev_lag1"] = g.shift(1)
    panel["rev_lag2"] = g.shift(2)
    panel["rev_prev4_mean"] = g.transform(lambda s: s.shift(1).rolling(4, min_periods=1).mean())
    panel["txn_lag1"] = panel.groupby("stall_id")["transactions"].shift(1)
    panel["weeks_trading"] = panel.groupby("stall_id").cumcount()
    panel["month"] = panel["market_date"].dt.month
    panel["is_school_holiday"] = panel["is_school_holiday"].astype(int)
    return panel


CODES = {
    "product_category": {"vegetables": 0, "fruit": 1, "bakery": 2, "meat": 3, "dairy": 4,
                         "street_food": 5, "drinks": 6, "crafts": 7, "plants": 8},
    "pitch_zone": {"gate": 0, "central_aisle": 1, "back_row": 2, "covered_hall": 3},
}


def encode(panel):
    for c, mapping in CODES.items():
        panel[c] = panel[c].map(mapping).fillna(-1).astype(int)
    return panel


panel = encode(add_history(load_panel(PATHS)))
feature_cols = [
    c for c in panel.select_dtypes(include=[np.number]).columns
    if c not in (TARGET, "stall_id")
]
print("features:", feature_cols)

dates = np.sort(panel["market_date"].unique())
cutoff = dates[-HOLDOUT_WEEKS]
train = panel[panel["market_date"] < cutoff]
test = panel[panel["market_date"] >= cutoff]

model = HistGradientBoostingRegressor(
    max_iter=500, learning_rate=0.05, max_leaf_nodes=31,
    l2_regularization=1.0, random_state=7,
)
model.fit(train[feature_cols], train[TARGET])
pred = model.predict(test[feature_cols])

mae = mean_absolute_error(test[TARGET], pred)
mape = mean_absolute_percentage_error(test[TARGET], pred)
naive = mean_absolute_error(test[TARGET], test["rev_lag1"].fillna(train[TARGET].median()))
print(f"holdout MAE {mae:.1f}  MAPE {mape:.3f}  (last-week naive MAE {naive:.1f})")

by_cat = (
    test.assign(abs_err=np.abs(test[TARGET] - pred))
    .groupby("product_category")["abs_err"].mean()
    .sort_values()
)
print(by_cat)

weekly = test.assign(pred=pred).groupby("market_date")[[TARGET, "pred"]].sum()
ax = weekly.plot(marker="o", figsize=(8, 4), title="Market total revenue, holdout weeks")
ax.set_ylabel("GBP")
plt.tight_layout()
plt.savefig("market_holdout.png")
