# label: leakage/overlap
"""Wine club: which active members will cancel in the next 90 days?

Monthly snapshots of active members; features from shipment history up to the
snapshot, label = cancellation within HORIZON_DAYS of the snapshot.
"""
from datetime import date, timedelta

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

HORIZON_DAYS = 90
LOOKBACK_DAYS = 180
TEST_START = date(2023, 10, 1)
DATA_END = date(2024, 6, 30)
LAST_SNAPSHOT = DATA_END - timedelta(days=HORIZON_DAYS)

members = pl.read_csv("club_members.csv", try_parse_dates=True)
shipments = pl.read_csv("club_shipments.csv", try_parse_dates=True)
cancellations = pl.read_csv("club_cancellations.csv", try_parse_dates=True)

snapshots = pl.DataFrame(
    {"snapshot": pl.date_range(date(2021, 1, 1), LAST_SNAPSHOT, interval="1mo", eager=True)}
)

# Members active on each snapshot date
active = (
    members.join(cancellations, on="member_id", how="left")
    .join(snapshots, how="cross")
    .filter(
        (pl.col("join_date") <= pl.col("snapshot"))
        & (pl.col("cancel_date").is_null() | (pl.col("cancel_date") > pl.col("snapshot")))
    )
    .with_columns(
        ((pl.col("snapshot") - pl.col("join_date")).dt.total_days() / 30.4).alias("tenure_months"),
        (
            pl.col("cancel_date").is_not_null()
            & ((pl.col("cancel_date") - pl.col("snapshot")).dt.total_days() <= HORIZON_DAYS)
        )
        .cast(pl.Int8)
        .alias("cancels"),
    )
)

history = (
    active.select("member_id", "snapshot")
    .join(shipments, on="member_id", how="inner")
    .filter(
        (pl.col("ship_date") < pl.col("snapshot"))
        & (pl.col("ship_date") >= pl.col("snapshot") - pl.duration(days=LOOKBACK_DAYS))
    )
    .group_by("member_id", "snapshot")
    .agg(
        pl.len().alias("shipments_6m"),
        pl.col("skipped").sum().alias("skips_6m"),
        pl.col("order_value").mean().alias("avg_order_value"),
        pl.col("addon_bottles").sum().alias("addon_bottles_6m"),
        pl.col("rating").mean().alias("avg_rating"),
        ((pl.col("snapshot").first() - pl.col("ship_date").max()).dt.total_days()).alias(
            "days_since_shipment"
        ),
    )
)

frame = (
    active.join(history, on=["member_id", "snapshot"], how="left")
    .with_columns(
        pl.col("shipments_6m", "skips_6m", "addon_bottles_6m").fill_null(0),
        (pl.col("tier") == "premium").cast(pl.Int8).alias("premium_tier"),
        (pl.col("delivery") == "pickup").cast(pl.Int8).alias("pickup"),
        pl.col("snapshot").dt.month().alias("month"),
    )
    .with_columns((pl.col("skips_6m") / pl.col("shipments_6m").clip(lower_bound=1)).alias("skip_rate"))
)

FEATURES = [
    "tenure_months", "shipments_6m", "skips_6m", "skip_rate", "avg_order_value",
    "addon_bottles_6m", "avg_rating", "days_since_shipment", "premium_tier",
    "pickup", "month", "age",
]

train_end = TEST_START
train = frame.filter(pl.col("snapshot") < train_end)
test = frame.filter(pl.col("snapshot") >= TEST_START)

X_train = train.select(FEATURES).to_numpy()
y_train = train["cancels"].to_numpy()
X_test = test.select(FEATURES).to_numpy()
y_test = test["cancels"].to_numpy()

clf = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0, random_state=0
)
clf.fit(X_train, y_train)
p_test = clf.predict_proba(X_test)[:, 1]

print(f"train rows {len(y_train)}, test rows {len(y_test)}, test cancel rate {y_test.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
print(f"PR AUC : {average_precision_score(y_test, p_test):.3f}")

top = p_test >= np.quantile(p_test, 0.9)
print(f"cancel rate in top decile: {y_test[top].mean():.3f}")
