# label: leakage/none
# twin: tgt_assign_lambda_margin__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import cross_val_score

orders = pd.read_csv("orders.csv")
orders = orders.assign(cost_share=lambda d: d["cost"] / d["revenue"], items_per_order=lambda d: d["items"] / d["orders"])
X = orders[["revenue", "items_per_order", "discount", "cost_share"]]
print(cross_val_score(GradientBoostingRegressor(random_state=0), X, orders["profit"], cv=5).mean())
