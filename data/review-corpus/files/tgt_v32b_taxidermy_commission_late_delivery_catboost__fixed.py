# label: leakage/none
"""Which taxidermy commissions will be handed over after the promised date?

Scored a month after intake, when the specimen has been skinned and assessed,
so the studio can re-plan bench time and warn clients early.
"""
import argparse

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import f1_score, roc_auc_score

CAT_COLS = ["species_group", "mount_type", "pose_complexity", "source_channel", "artist"]
NUM_COLS = [
    "specimen_weight_kg", "quoted_price", "deposit_pct", "promised_weeks", "queue_length_at_intake",
    "freezer_days_before_intake", "skin_condition_score", "habitat_base", "client_messages",
    "client_prior_orders", "intake_month",
]


def load(orders_path, intake_path, messages_path):
    orders = pd.read_csv(orders_path, parse_dates=["intake_date", "promised_date", "handover_date"])
    intake = pd.read_csv(intake_path)
    messages = pd.read_csv(messages_path, parse_dates=["sent_at"])

    msg = messages.merge(orders[["order_id", "intake_date"]], on="order_id", how="inner")
    in_window = (msg["sent_at"] >= msg["intake_date"]) & (
        msg["sent_at"] < msg["intake_date"] + pd.Timedelta(days=30)
    )
    msg = msg[(msg["direction"] == "inbound") & in_window]
    counts = msg.groupby("order_id").size().rename("client_messages")

    df = orders.merge(intake, on="order_id", how="left").merge(counts, on="order_id", how="left")
    df["client_messages"] = df["client_messages"].fillna(0)
    df["promised_weeks"] = (df["promised_date"] - df["intake_date"]).dt.days / 7
    df["intake_month"] = df["intake_date"].dt.month
    df["late"] = (df["handover_date"] > df["promised_date"]).astype(int)
    df = df.sort_values("intake_date")
    df["client_prior_orders"] = df.groupby("client_id").cumcount()
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", default="studio/orders.csv")
    parser.add_argument("--intake", default="studio/intake_assessments.csv")
    parser.add_argument("--messages", default="studio/client_messages.csv")
    parser.add_argument("--test-from", default="2023-07-01")
    args = parser.parse_args()

    df = load(args.orders, args.intake, args.messages)
    df = df[df["handover_date"].notna()].copy()
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown").astype(str)

    split_at = pd.Timestamp(args.test_from)
    train = df[df["promised_date"] < split_at]
    test = df[df["intake_date"] >= split_at]
    cols = CAT_COLS + NUM_COLS

    train_pool = Pool(train[cols], train["late"], cat_features=CAT_COLS)
    test_pool = Pool(test[cols], test["late"], cat_features=CAT_COLS)

    model = CatBoostClassifier(
        iterations=800, depth=5, learning_rate=0.04, l2_leaf_reg=5,
        auto_class_weights="Balanced", random_seed=17, verbose=200,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    print(f"orders: train {len(train)}, test {len(test)}, late share {test['late'].mean():.2f}")
    print(f"ROC AUC {roc_auc_score(test['late'], proba):.3f}")
    print(f"F1 @0.5 {f1_score(test['late'], proba >= 0.5):.3f}")
    print(model.get_feature_importance(prettified=True).head(10))


if __name__ == "__main__":
    main()
