# label: leakage/target
# twin: tgt_r13_post_purchase_events__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Score an online order at checkout: will any item be returned? (export 2024-02-15)"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

BASKET = ["n_items", "n_distinct_sizes", "share_apparel", "order_value", "discount_pct",
          "is_gift", "express_shipping"]
HISTORY = ["cust_orders_2022", "cust_return_rate_2022", "cust_tenure_days"]
POST = ["n_support_contacts", "return_label_printed", "days_to_first_contact"]
FEATURES = BASKET + HISTORY + POST


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


def add_post_purchase_activity(orders, events):
    ev = events.merge(orders[["order_id", "ordered_at"]], on="order_id")
    ev["days_after"] = (ev["event_at"] - ev["ordered_at"]).dt.days
    agg = ev.groupby("order_id").agg(
        n_support_contacts=("event_type", lambda s: int((s == "support_contact").sum())),
        return_label_printed=("event_type", lambda s: int((s == "return_label").any())),
        days_to_first_contact=("days_after", "min"),
    )
    out = orders.merge(agg, on="order_id", how="left")
    return out.fillna({"n_support_contacts": 0, "return_label_printed": 0})


lines = pd.read_csv("data/order_lines_2023.csv")
history = pd.read_csv("data/customer_history_2022.csv")
events = pd.read_csv("data/order_events.csv", parse_dates=["event_at"])

orders = (
    load_orders("data/orders_2023.csv")
    .pipe(add_basket_features, lines)
    .pipe(add_customer_history, history)
    .pipe(add_post_purchase_activity, events)
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
