# label: leakage/target
"""Made-to-measure curtains webshop: score new orders for return risk so the studio can
phone the customer to double-check measurements before the fabric is cut."""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

CUTOFF = pd.Timestamp("2024-04-01")
EXPORT_DATE = pd.Timestamp("2024-10-01")
RETURN_WINDOW_DAYS = 30

CAT_FEATURES = ["fabric_range", "lining", "heading", "window_type", "measured_by", "device", "region"]
NUM_FEATURES = [
    "width_cm",
    "drop_cm",
    "fullness_ratio",
    "price_gbp",
    "discount_pct",
    "customer_prior_orders",
    "samples_ordered",
    "days_since_sample",
    "review_stars",
]


def load_orders():
    orders = pd.read_csv("shop/orders.csv", parse_dates=["order_date", "delivered_on"])
    reviews = pd.read_csv("shop/product_reviews.csv")
    orders = orders.merge(reviews[["order_id", "review_stars"]], on="order_id", how="left")
    orders["review_stars"] = orders["review_stars"].fillna(0)
    orders["fullness_ratio"] = orders["fabric_width_cm"] / orders["width_cm"]
    orders["days_since_sample"] = (orders["order_date"] - pd.to_datetime(orders["last_sample_before_order"])).dt.days
    orders["window_closes"] = orders["delivered_on"] + pd.Timedelta(days=RETURN_WINDOW_DAYS)
    orders["returned"] = orders["return_requested_on"].notna().astype(int)
    for col in CAT_FEATURES:
        orders[col] = orders[col].fillna("unknown").astype(str)
    return orders


class ReturnRiskModel:
    def __init__(self, iterations=800, depth=6, learning_rate=0.04):
        self.features = CAT_FEATURES + NUM_FEATURES
        self.clf = CatBoostClassifier(
            iterations=iterations,
            depth=depth,
            learning_rate=learning_rate,
            loss_function="Logloss",
            auto_class_weights="SqrtBalanced",
            random_seed=31,
            verbose=200,
        )

    def _pool(self, frame):
        return Pool(frame[self.features], label=frame["returned"], cat_features=CAT_FEATURES)

    def fit(self, frame):
        self.clf.fit(self._pool(frame))
        return self

    def score(self, frame):
        return self.clf.predict_proba(self._pool(frame))[:, 1]

    def evaluate(self, frame):
        p = self.score(frame)
        y = frame["returned"]
        print(f"ROC AUC: {roc_auc_score(y, p):.3f}   PR AUC: {average_precision_score(y, p):.3f}")
        calls = frame.assign(p=p).nlargest(int(0.1 * len(frame)), "p")
        print(f"returns among top-10% orders: {calls.returned.mean():.1%} (base rate {y.mean():.1%})")
        return p

    def importances(self):
        return pd.Series(self.clf.get_feature_importance(), index=self.features).sort_values(ascending=False)


def main():
    orders = load_orders()
    train = orders[orders["window_closes"] < CUTOFF]
    # only orders whose return window had closed when the data was exported
    test = orders[(orders["order_date"] >= CUTOFF) & (orders["window_closes"] < EXPORT_DATE)]
    print(f"train orders: {len(train)}  test orders: {len(test)}")

    model = ReturnRiskModel().fit(train)
    model.evaluate(test)
    print(model.importances().round(2))


if __name__ == "__main__":
    main()
