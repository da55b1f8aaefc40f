# label: leakage/none
# twin: tgt_r13_post_purchase_events__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Score an online order at checkout: will any item be returned? (export 2024-02-15)"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

BASKET = ["n_items", "n_distinct_sizes", "share_apparel", "order_value", "discount_pct",
          "is_gift", "express_shipping"]
HISTORY = ["cust_orders_2022", "cust_return_rate_2022", "cust_tenure_days"]
# only what is known at checkout: no post-purchase contacts, labels or timings
FEATURES = BASKET + HISTORY


def load_orders(path):
    orders = pd.read_csv(path, parse_dates=["ordered_at"])
    orders["returned"] = (orders["n_items_returned"] > 0).astype(int)
    return orders.drop(columns=["n_items_returned", "refund_amount"])


def add_basket_features(orders, lines):
    per_order = lines.groupby("order_id").agg(
        n_items=("sku", "size"),
        n_distinct_sizes=("size_label", "nunique"),
        share_apparel=("is_apparel", "mean"),
    )
    return orders.merge(per_order, on="order_id", how="left")


def add_customer_history(orders, history):
    # snapshot closed on 2022-12-31; every modelled order is from 2023
    return orders.merge(history[["customer_id", *HISTORY]], on="customer_id", how="left")


lines = pd.read_csv("data/order_lines_2023.csv")
history = pd.read_csv("data/customer_history_2022.csv")

orders = (
    load_orders("data/orders_2023.csv")
    .pipe(add_basket_features, lines)
    .pipe(add_customer_history, history)
)
# 30-day return window: training labels must be settled before the test period starts
train = orders[orders["ordered_at"] < "2023-09-01"]
test = orders[orders["ordered_at"] >= "2023-10-01"]

clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, random_state=6)
clf.fit(train[FEATURES], train["returned"])
proba = clf.predict_proba(test[FEATURES])[:, 1]
print(f"Q4 orders: {len(test)}, return rate {test['returned'].mean():.3f}")
print(f"ROC AUC {roc_auc_score(test['returned'], proba):.4f}")
print(f"PR AUC  {average_precision_score(test['returned'], proba):.4f}")
