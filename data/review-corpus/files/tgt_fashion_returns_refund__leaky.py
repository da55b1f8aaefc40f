# label: leaky target
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

orders = pd.read_parquet("data/fashion_order_lines.parquet")
orders["order_ts"] = pd.to_datetime(orders["order_ts"])
orders = orders.sort_values("order_ts").reset_index(drop=True)

orders["order_hour"] = orders["order_ts"].dt.hour
orders["discount_pct"] = 1 - orders["paid_price"] / orders["list_price"]
orders["same_item_other_sizes"] = orders["sizes_of_item_in_basket"] - 1

cat_cols = ["category", "brand", "size", "payment_method", "shipping_country", "device"]
num_cols = [
    "paid_price", "discount_pct", "order_hour", "items_in_basket",
    "same_item_other_sizes", "customer_prior_orders",
    "customer_prior_return_rate", "refund_amount_eur",
]
features = cat_cols + num_cols

split_at = int(len(orders) * 0.85)
train, test = orders.iloc[:split_at], orders.iloc[split_at:]

train_pool = Pool(train[features], train["returned"], cat_features=cat_cols)
test_pool = Pool(test[features], test["returned"], cat_features=cat_cols)

model = CatBoostClassifier(
    iterations=1200, depth=8, learning_rate=0.05,
    auto_class_weights="Balanced", random_seed=3, verbose=200,
)
model.fit(train_pool)

proba = model.predict_proba(test_pool)[:, 1]
print(f"return rate (test): {test['returned'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['returned'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test['returned'], proba):.3f}")
print(model.get_feature_importance(prettified=True).head(10))
