# label: leakage/none
"""Direct-to-consumer mattress brand: which orders will be sent back during the 100-night trial?
Order, logistics and web-session exports are joined on order_id."""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

TABLES = {
    "orders": "data/orders.parquet",
    "logistics": "data/order_logistics.parquet",
    "sessions": "data/web_sessions_agg.parquet",
}
CUTOFF = "2023-07-01"
TRIAL_DAYS = 100
CAT_COLS = ["model_line", "firmness", "size", "delivery_carrier",
            "acquisition_channel", "region"]
NUM_COLS = ["price_paid", "discount_pct", "days_order_to_delivery", "delivery_attempts",
            "quiz_completed", "quiz_firmness_gap", "sessions_before_order",
            "reviews_read", "customer_prior_orders", "sleep_trial_nights_promised"]


def load_orders():
    orders = pd.read_parquet(TABLES["orders"])
    logistics = pd.read_parquet(TABLES["logistics"])
    sessions = pd.read_parquet(TABLES["sessions"])
    df = orders.merge(logistics, on="order_id", how="left").merge(sessions, on="order_id", how="left")
    df["delivered_at"] = pd.to_datetime(df["delivered_at"])
    df = df[df["delivered_at"].notna() & (df["status"] != "cancelled")]
    df["returned"] = df["return_received_at"].notna().astype(int)
    df["days_order_to_delivery"] = (df["delivered_at"] - pd.to_datetime(df["ordered_at"])).dt.days
    return df


def encode(df, categories=None):
    X = df[NUM_COLS].astype(float).copy()
    categories = categories or {}
    for col in CAT_COLS:
        if col not in categories:
            categories[col] = sorted(df[col].fillna("none").unique())
        X[col] = pd.Categorical(df[col].fillna("none"), categories=categories[col])
    return X, categories


df = load_orders()
train = df[df["delivered_at"] < pd.Timestamp(CUTOFF) - pd.Timedelta(days=TRIAL_DAYS)]
test = df[(df["delivered_at"] >= CUTOFF) & (df["delivered_at"] < pd.Timestamp(CUTOFF) + pd.DateOffset(months=3))]
print(f"train {len(train)} orders ({train['returned'].mean():.1%} returned), test {len(test)}")

X_train, cats = encode(train)
X_test, _ = encode(test, cats)

model = xgb.XGBClassifier(
    n_estimators=600, learning_rate=0.04, max_depth=5, subsample=0.85, colsample_bytree=0.8,
    enable_categorical=True, tree_method="hist", eval_metric="aucpr",
    scale_pos_weight=(1 - train["returned"].mean()) / train["returned"].mean(),
)
model.fit(X_train, train["returned"])

p = model.predict_proba(X_test)[:, 1]
print(f"ROC-AUC {roc_auc_score(test['returned'], p):.3f}   PR-AUC {average_precision_score(test['returned'], p):.3f}")

prec, rec, thr = precision_recall_curve(test["returned"], p)
plt.figure(figsize=(5, 4))
plt.plot(rec, prec)
plt.xlabel("recall")
plt.ylabel("precision")
plt.title("trial returns, held-out quarter")
plt.tight_layout()
plt.savefig("returns_pr.png", dpi=120)

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(12).round(2))
