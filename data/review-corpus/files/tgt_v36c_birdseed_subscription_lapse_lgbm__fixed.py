# label: leakage/none
"""Wild bird food subscription: which active subscribers will lapse?

A subscriber lapses when no order is placed in the 90 days after the snapshot.
"""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SNAPSHOT = pd.Timestamp("2024-03-31")
HORIZON_DAYS = 90
PROFILE_COLUMNS = ["signup_date", "plan", "region", "feeder_count", "delivery_every_weeks"]


class SubscriberFeatures:
    def __init__(self, snapshot, lookback_days=365):
        self.snapshot = snapshot
        self.lookback_days = lookback_days

    def order_history(self, orders):
        start = self.snapshot - pd.Timedelta(days=self.lookback_days)
        return orders[(orders["order_date"] > start) & (orders["order_date"] <= self.snapshot)]

    def build(self, subscribers, orders):
        hist = self.order_history(orders)
        recent = hist[hist["order_date"] > self.snapshot - pd.Timedelta(days=90)]
        agg = hist.groupby("customer_id").agg(
            n_orders=("order_id", "count"),
            spend=("order_value", "sum"),
            mean_basket=("order_value", "mean"),
            skipped_deliveries=("was_skipped", "sum"),
            suet_share=("suet_items", "mean"),
            last_order=("order_date", "max"),
            first_order=("order_date", "min"),
        )
        agg["orders_last_90d"] = recent.groupby("customer_id")["order_id"].count()
        agg["orders_last_90d"] = agg["orders_last_90d"].fillna(0)
        agg["days_since_last_order"] = (self.snapshot - agg["last_order"]).dt.days
        agg["active_span_days"] = (agg["last_order"] - agg["first_order"]).dt.days

        profile = subscribers.set_index("customer_id")[PROFILE_COLUMNS]
        feats = profile.join(agg, how="inner")
        feats["tenure_days"] = (self.snapshot - feats["signup_date"]).dt.days
        feats["feeders_per_order"] = feats["feeder_count"] / feats["n_orders"].clip(lower=1)
        feats["plan"] = feats["plan"].astype("category")
        feats["region"] = feats["region"].astype("category")
        return feats.drop(columns=["last_order", "first_order", "signup_date"])


def lapse_labels(customer_ids, orders, snapshot, horizon_days):
    end = snapshot + pd.Timedelta(days=horizon_days)
    upcoming = orders[(orders["order_date"] > snapshot) & (orders["order_date"] <= end)]
    return (~customer_ids.isin(upcoming["customer_id"].unique())).astype(int)


subscribers = pd.read_csv("data/subscribers.csv", parse_dates=["signup_date"])
orders = pd.read_csv("data/orders.csv", parse_dates=["order_date"])
subscribers = subscribers[subscribers["signup_date"] <= SNAPSHOT]

X = SubscriberFeatures(SNAPSHOT).build(subscribers, orders)
y = lapse_labels(X.index.to_series(), orders, SNAPSHOT, HORIZON_DAYS)
print(f"{len(X)} active subscribers, lapse rate {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=17)

clf = lgb.LGBMClassifier(
    n_estimators=500,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=17,
    verbose=-1,
)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"Average precision: {average_precision_score(y_test, proba):.3f}")

top = pd.Series(proba, index=X_test.index).nlargest(int(0.1 * len(proba)))
print(f"Lapse rate in top decile of risk: {y_test.loc[top.index].mean():.3f}")

gain = pd.Series(clf.booster_.feature_importance("gain"), index=X_train.columns)
print(gain.sort_values(ascending=False).round(0).to_string())
