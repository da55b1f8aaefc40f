# label: leakage/overlap
"""Early string breakage model for the club pro shop's restring service.

A restring is flagged when the customer brings the racket back with a broken
string inside the 21-day guarantee.
"""
from pathlib import Path

import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

DATA = Path("data/restring_orders.csv")
CATEGORICAL = ["racket_brand", "string_material", "string_pattern", "player_level", "handedness"]
NUMERIC = [
    "head_size_sq_in", "string_gauge_mm", "tension_lbs", "weekly_sessions",
    "customer_age", "racket_age_months", "days_since_prev_restring", "order_number",
]
TARGET = "broke_within_21d"


def load_orders(path):
    return (
        pl.read_csv(path, try_parse_dates=True)
        .filter(pl.col("tension_lbs").is_between(20, 35))
        .sort(["customer_id", "order_date"])
        .with_columns(
            order_number=pl.col("order_date").cum_count().over("customer_id"),
            days_since_prev_restring=(pl.col("order_date") - pl.col("order_date").shift(1))
            .over("customer_id")
            .dt.total_days(),
            racket_age_months=(pl.col("order_date") - pl.col("racket_purchase_date")).dt.total_days() / 30.4,
        )
        .with_columns(pl.col(CATEGORICAL).fill_null("unknown"))
    )


def split_orders(orders, test_size=0.2, seed=3):
    idx = np.arange(orders.height)
    train_idx, test_idx = train_test_split(
        idx, test_size=test_size, stratify=orders[TARGET].to_numpy(), random_state=seed
    )
    return orders[train_idx], orders[test_idx]


def to_xy(frame):
    return frame.select(CATEGORICAL + NUMERIC).to_pandas(), frame[TARGET].to_numpy()


def build_model():
    prep = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                encoded_missing_value=-1), CATEGORICAL)],
        remainder="passthrough",
    )
    clf = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=400,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        categorical_features=list(range(len(CATEGORICAL))),
        random_state=3,
    )
    return Pipeline([("prep", prep), ("clf", clf)])


def main():
    orders = load_orders(DATA)
    print(f"{orders.height} restrings, {orders['customer_id'].n_unique()} customers, "
          f"breakage rate {orders[TARGET].mean():.3f}")

    train, test = split_orders(orders)
    X_train, y_train = to_xy(train)
    X_test, y_test = to_xy(test)

    model = build_model().fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"Average precision: {average_precision_score(y_test, proba):.3f}")

    report = (
        test.with_columns(pl.Series("risk", proba))
        .with_columns(tension_band=(pl.col("tension_lbs") // 2 * 2).cast(pl.Int32))
        .group_by("tension_band")
        .agg(pl.len().alias("orders"), pl.col(TARGET).mean().alias("observed"), pl.col("risk").mean().alias("predicted"))
        .sort("tension_band")
    )
    print(report)


if __name__ == "__main__":
    main()
