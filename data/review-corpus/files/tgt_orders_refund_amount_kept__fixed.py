# label: leakage/none
# twin: tgt_orders_refund_amount_kept__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

orders = pd.read_parquet("orders_2024.parquet")
orders["basket_value"] = orders["unit_price"] * orders["quantity"]
orders["is_sale_item"] = (orders["discount_pct"] > 0).astype(int)
feature_cols = ["basket_value", "quantity", "is_sale_item", "customer_past_returns", "size_chart_viewed",
                "delivery_days"]

X_train, X_test, y_train, y_test = train_test_split(
    orders[feature_cols], orders["returned"], test_size=0.25, stratify=orders["returned"], random_state=13
)
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_train, y_train)
print("AP", average_precision_score(y_test, clf.predict_proba(X_test)[:, 1]))
