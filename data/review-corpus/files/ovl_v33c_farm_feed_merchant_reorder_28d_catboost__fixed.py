# label: leakage/none
"""Weekly reorder propensity for the agricultural feed merchant's trade accounts.

Every Monday the sales desk gets a list of farms scored on whether they will
place an order in the next 28 days; low scorers get a rep visit.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

HORIZON_DAYS = 28
CUTOFF = pd.Timestamp("2024-03-04")
CAT_FEATURES = ["farm_type", "region", "account_tier", "delivery_zone"]


def load():
    orders = pd.read_csv("erp/order_headers.csv", parse_dates=["order_date"])
    orders = orders[orders["status"] != "cancelled"]
    accounts = pd.read_csv("erp/trade_accounts.csv", parse_dates=["opened_date"])
    return orders, accounts


def snapshot_features(orders, accounts, as_of):
    past = orders[orders["order_date"] < as_of]
    last_90 = past[past["order_date"] >= as_of - pd.Timedelta(days=90)]
    last_28 = past[past["order_date"] >= as_of - pd.Timedelta(days=28)]

    g = past.groupby("account_id")
    feats = pd.DataFrame({
        "orders_total": g.size(),
        "tonnes_total": g["tonnes"].sum(),
        "days_since_last": (as_of - g["order_date"].max()).dt.days,
        "mean_gap_days": g["order_date"].apply(lambda d: d.sort_values().diff().dt.days.mean()),
    })
    feats["orders_90d"] = last_90.groupby("account_id").size()
    feats["spend_90d"] = last_90.groupby("account_id")["net_value"].sum()
    feats["orders_28d"] = last_28.groupby("account_id").size()
    feats = feats.fillna({"orders_90d": 0, "spend_90d": 0.0, "orders_28d": 0})

    feats = accounts.set_index("account_id").join(feats, how="inner")
    feats["tenure_days"] = (as_of - feats["opened_date"]).dt.days
    feats["snapshot_date"] = as_of
    feats["week_of_year"] = as_of.isocalendar().week
    return feats.drop(columns=["opened_date"]).reset_index()


def label(orders, snaps):
    window = orders[["account_id", "order_date"]].merge(snaps[["account_id", "snapshot_date"]], on="account_id")
    hit = window[(window["order_date"] >= window["snapshot_date"])
                 & (window["order_date"] < window["snapshot_date"] + pd.Timedelta(days=HORIZON_DAYS))]
    keys = set(zip(hit["account_id"], hit["snapshot_date"]))
    return np.array([(a, d) in keys for a, d in zip(snaps["account_id"], snaps["snapshot_date"])], dtype=int)


def main():
    orders, accounts = load()
    last_labelled = orders["order_date"].max() - pd.Timedelta(days=HORIZON_DAYS)
    mondays = pd.date_range("2022-01-03", last_labelled, freq="W-MON")

    snaps = pd.concat([snapshot_features(orders, accounts, d) for d in mondays], ignore_index=True)
    snaps["reorder_28d"] = label(orders, snaps)

    train = snaps[snaps["snapshot_date"] < CUTOFF - pd.Timedelta(days=HORIZON_DAYS)]
    test = snaps[snaps["snapshot_date"] >= CUTOFF]
    print(f"train snapshots {len(train)}, test snapshots {len(test)}")

    features = [c for c in snaps.columns if c not in ("account_id", "snapshot_date", "reorder_28d")]
    train_pool = Pool(train[features], train["reorder_28d"], cat_features=CAT_FEATURES)
    test_pool = Pool(test[features], test["reorder_28d"], cat_features=CAT_FEATURES)

    model = CatBoostClassifier(
        iterations=800,
        depth=6,
        learning_rate=0.05,
        l2_leaf_reg=5,
        loss_function="Logloss",
        random_seed=17,
        verbose=200,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    print(f"ROC AUC: {roc_auc_score(test['reorder_28d'], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test['reorder_28d'], proba):.3f}")

    weekly = test.assign(p=proba).groupby("snapshot_date").apply(
        lambda w: w.nsmallest(25, "p")["reorder_28d"].mean()
    )
    print("Reorder rate among 25 lowest-scored accounts per week:")
    print(weekly.round(2).to_string())
    print(model.get_feature_importance(prettified=True).head(10))


if __name__ == "__main__":
    main()
