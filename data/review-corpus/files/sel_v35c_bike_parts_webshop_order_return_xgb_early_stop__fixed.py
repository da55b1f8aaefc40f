# label: leakage/none
# Return-risk score for the bike parts web shop: flags orders likely to come back
# so the warehouse can add fit guides / sizing notes before dispatch.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

ORDERS_PATH = "exports/orders_2022_2024.parquet"

CATEGORICAL = ["top_category", "payment_method", "device", "shipping_country", "promo_code_type"]
NUMERIC = [
    "basket_value_eur", "n_items", "n_distinct_sizes", "n_same_sku_sizes",
    "discount_pct", "is_first_order", "account_age_days", "customer_prior_orders",
    "customer_prior_returns", "hour_of_day", "weekday", "has_fit_guide_view",
    "product_rating_at_order", "shipping_days_promised",
]
TARGET = "returned"


def load_orders(path):
    df = pd.read_parquet(path)
    df = df[df["order_status"].isin(["delivered", "returned"])].copy()
    df[TARGET] = (df["order_status"] == "returned").astype(int)
    df["weekday"] = df["order_ts"].dt.weekday
    df["hour_of_day"] = df["order_ts"].dt.hour
    return df


def make_matrix(df):
    X = df[NUMERIC].astype(float)
    dummies = pd.get_dummies(df[CATEGORICAL].fillna("na"), dtype=float)
    return pd.concat([X, dummies], axis=1)


orders = load_orders(ORDERS_PATH)
X = make_matrix(orders)
y = orders[TARGET].to_numpy()
print(f"orders: {len(orders):,}  return rate: {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=2024
)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.15, stratify=y_train, random_state=2024
)

dtrain = xgb.DMatrix(X_fit, label=y_fit)
dval = xgb.DMatrix(X_val, label=y_val)
dtest = xgb.DMatrix(X_test, label=y_test)

params = {
    "objective": "binary:logistic",
    "eval_metric": "aucpr",
    "eta": 0.05,
    "max_depth": 6,
    "min_child_weight": 5,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "scale_pos_weight": (1 - y_fit.mean()) / y_fit.mean(),
    "tree_method": "hist",
    "seed": 2024,
}

booster = xgb.train(
    params,
    dtrain,
    num_boost_round=3000,
    evals=[(dtrain, "train"), (dval, "val")],
    early_stopping_rounds=100,
    verbose_eval=200,
)
print(f"best iteration: {booster.best_iteration}")

proba = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
auc = roc_auc_score(y_test, proba)
ap = average_precision_score(y_test, proba)

# share of returns caught if the warehouse reviews the top 10% riskiest orders
k = int(0.10 * len(proba))
top_idx = np.argsort(-proba)[:k]
capture = y_test[top_idx].sum() / y_test.sum()

print(f"ROC AUC: {auc:.4f}")
print(f"PR AUC:  {ap:.4f}")
print(f"returns captured in top decile: {capture:.1%}")

gain = booster.get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).head(10).round(1))
booster.save_model("models/return_risk_xgb.json")
