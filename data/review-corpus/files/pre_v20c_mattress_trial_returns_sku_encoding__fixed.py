# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score

ORDERS = "warehouse/mattress_orders_2022_2024.parquet"
TARGET = "returned_in_trial"
HIGH_CARD = ["sku", "courier_depot", "referrer_campaign"]
NUMERIC = ["price_gbp", "discount_pct", "firmness", "height_cm", "customer_age",
           "days_to_delivery", "newsletter_opt_in", "sleep_quiz_done", "bundle_items"]
SMOOTHING = 20.0


class SmoothedMeanEncoder:
    """Replaces a category by a shrunk average of the outcome."""

    def __init__(self, cols, m=SMOOTHING):
        self.cols = cols
        self.m = m
        self.maps_ = {}
        self.prior_ = None

    def fit(self, frame, y):
        self.prior_ = float(np.mean(y))
        tmp = frame[self.cols].copy()
        tmp["_y"] = np.asarray(y)
        for c in self.cols:
            agg = tmp.groupby(c)["_y"].agg(["sum", "count"])
            self.maps_[c] = (agg["sum"] + self.m * self.prior_) / (agg["count"] + self.m)
        return self

    def transform(self, frame):
        out = frame.copy()
        for c in self.cols:
            out[c + "_te"] = out[c].map(self.maps_[c]).astype(float).fillna(self.prior_)
        return out.drop(columns=self.cols)


orders = pd.read_parquet(ORDERS)
orders = orders[(orders["order_status"] == "delivered") & orders["first_order"]].reset_index(drop=True)
orders["discount_pct"] = orders["discount_pct"].clip(0, 80)
print(orders[TARGET].mean().round(3), "return rate over", len(orders), "orders")

X_tr, X_te, y_tr, y_te = train_test_split(
    orders[HIGH_CARD + NUMERIC], orders[TARGET], test_size=0.25, stratify=orders[TARGET], random_state=5
)

enc = SmoothedMeanEncoder(HIGH_CARD).fit(X_tr[HIGH_CARD], y_tr)
X_tr = enc.transform(X_tr)
X_te = enc.transform(X_te)

model = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=500, max_leaf_nodes=24, l2_regularization=1.0,
    early_stopping=True, validation_fraction=0.15, random_state=5,
)
model.fit(X_tr, y_tr)

proba = model.predict_proba(X_te)[:, 1]
print(f"ROC AUC {roc_auc_score(y_te, proba):.3f}")
print(f"PR AUC  {average_precision_score(y_te, proba):.3f}")

by_decile = pd.DataFrame({"p": proba, "y": y_te.to_numpy()})
by_decile["decile"] = pd.qcut(by_decile["p"], 10, labels=False, duplicates="drop")
print(by_decile.groupby("decile")["y"].agg(["mean", "size"]).round(3))
