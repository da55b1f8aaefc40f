# label: leakage/target
"""Will the customer reject this substitute at the door?

Scored by the picking app when a requested item is out of stock, so pickers can
choose a better alternative. Training data: every substitution offered in the
online grocery service since last spring, with its doorstep outcome.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

CUTOFF = pd.Timestamp("2024-02-01")
CATEGORICAL = ["category", "sub_category", "channel", "store_id", "temperature_zone"]
ID_COLS = ["sub_id", "order_id", "customer_id", "picker_id", "requested_sku", "substitute_sku",
           "driver_id", "van_id"]
LABEL = "rejected"


def load_tables():
    subs = pd.read_csv("warehouse/substitutions.csv", parse_dates=["picked_at"],
                       usecols=["sub_id", "order_id", "picker_id", "requested_sku", "substitute_sku",
                                "picked_at", "line_qty", "rejected"])
    orders = pd.read_csv("warehouse/orders.csv", parse_dates=["order_placed_at", "slot_start"],
                         usecols=["order_id", "customer_id", "store_id", "channel", "order_placed_at",
                                  "slot_start", "basket_value", "n_lines", "customer_tenure_days"])
    deliveries = pd.read_csv("warehouse/deliveries.csv", parse_dates=["arrived_at"],
                             usecols=["order_id", "van_id", "driver_id", "drop_sequence", "planned_stops",
                                      "arrived_at", "minutes_late", "items_rejected", "doorstep_refund_gbp"])
    products = pd.read_csv("warehouse/product_master.csv")
    return subs, orders, deliveries, products


def assemble(subs, orders, deliveries, products):
    req = products.rename(columns=lambda c: f"req_{c}").rename(columns={"req_sku": "requested_sku"})
    sub = products.rename(columns=lambda c: f"sub_{c}").rename(columns={"sub_sku": "substitute_sku"})
    df = (subs.merge(orders, on="order_id", how="left")
              .merge(deliveries.drop(columns=["arrived_at"]), on="order_id", how="left")
              .merge(req, on="requested_sku", how="left")
              .merge(sub, on="substitute_sku", how="left"))
    df["price_diff_pct"] = (df["sub_unit_price"] - df["req_unit_price"]) / df["req_unit_price"]
    df["size_ratio"] = df["sub_pack_size_g"] / df["req_pack_size_g"]
    df["same_brand"] = (df["sub_brand"] == df["req_brand"]).astype(int)
    df["hours_to_slot"] = (df["slot_start"] - df["picked_at"]).dt.total_seconds() / 3600
    df["category"] = df["req_category"]
    df["sub_category"] = df["req_sub_category"]
    df["temperature_zone"] = df["req_temperature_zone"]
    return df


subs, orders, deliveries, products = load_tables()
df = assemble(subs, orders, deliveries, products)

numeric = [
    c for c in df.select_dtypes("number").columns
    if c not in ID_COLS + [LABEL]
]
print(f"{len(df):,} substitutions, rejection rate {df[LABEL].mean():.3f}")
print(f"{len(numeric)} numeric features")

train = df[df["picked_at"] < CUTOFF]
test = df[df["picked_at"] >= CUTOFF]

prep = ColumnTransformer([
    ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                           encoded_missing_value=-1), CATEGORICAL),
    ("num", "passthrough", numeric),
])
clf = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingClassifier(
        max_iter=600, learning_rate=0.05, max_leaf_nodes=48, l2_regularization=1.0,
        categorical_features=list(range(len(CATEGORICAL))), random_state=0)),
])
clf.fit(train[CATEGORICAL + numeric], train[LABEL])

proba = clf.predict_proba(test[CATEGORICAL + numeric])[:, 1]
print(f"test ROC AUC {roc_auc_score(test[LABEL], proba):.3f}")
print(f"test PR AUC  {average_precision_score(test[LABEL], proba):.3f}")

report = test[["category", LABEL]].assign(score=proba)
print(report.groupby("category").agg(n=(LABEL, "size"), rate=(LABEL, "mean"), score=("score", "mean"))
      .sort_values("n", ascending=False).head(10).round(3))
