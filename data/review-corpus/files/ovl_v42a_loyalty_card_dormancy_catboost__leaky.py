# label: leakage/overlap
"""Loyalty-card dormancy model: will a member make no purchase in the next 90 days?

Monthly member snapshots built from the till transactions export.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

HORIZON_DAYS = 90
TEST_START = pd.Timestamp("2024-04-01")
CAT_FEATURES = ["home_store", "tier", "signup_channel", "age_band"]


def member_snapshot(tx, members, snap_date):
    past = tx[tx["ts"] < snap_date]
    ahead = tx[(tx["ts"] >= snap_date) & (tx["ts"] < snap_date + pd.Timedelta(days=HORIZON_DAYS))]

    last_year = past[past["ts"] >= snap_date - pd.Timedelta(days=365)]
    agg = last_year.groupby("member_id").agg(
        visits_12m=("basket_id", "nunique"),
        spend_12m=("amount", "sum"),
        avg_basket=("amount", "mean"),
        points_redeemed_12m=("points_redeemed", "sum"),
        distinct_depts_12m=("dept", "nunique"),
    )
    recent = past[past["ts"] >= snap_date - pd.Timedelta(days=90)].groupby("member_id")["basket_id"].nunique()
    last_seen = past.groupby("member_id")["ts"].max()

    snap = members.set_index("member_id").join(agg, how="inner")
    snap["visits_90d"] = recent.reindex(snap.index).fillna(0)
    snap["days_since_last"] = (snap_date - last_seen.reindex(snap.index)).dt.days
    snap["tenure_days"] = (snap_date - snap["signup_date"]).dt.days
    snap["dormant"] = (~snap.index.isin(ahead["member_id"].unique())).astype(int)
    snap["snapshot_date"] = snap_date
    return snap.drop(columns=["signup_date"]).reset_index()


def main():
    tx = pd.read_parquet("data/till_transactions.parquet")
    members = pd.read_parquet("data/members.parquet")
    members["signup_date"] = pd.to_datetime(members["signup_date"])

    last_day = tx["ts"].max().normalize()
    snap_dates = pd.date_range("2022-07-01", last_day - pd.Timedelta(days=HORIZON_DAYS), freq="MS")
    snaps = pd.concat([member_snapshot(tx, members, d) for d in snap_dates], ignore_index=True)
    snaps = snaps[snaps["tenure_days"] >= 30]
    print(snaps.groupby("snapshot_date")["dormant"].mean().round(3).tail(12))

    train = snaps[snaps["snapshot_date"] < TEST_START]
    test = snaps[snaps["snapshot_date"] >= TEST_START]

    features = [c for c in snaps.columns if c not in ("member_id", "snapshot_date", "dormant")]
    train_pool = Pool(train[features], train["dormant"], cat_features=CAT_FEATURES)
    test_pool = Pool(test[features], test["dormant"], cat_features=CAT_FEATURES)

    model = CatBoostClassifier(
        iterations=1200, depth=6, learning_rate=0.05, l2_leaf_reg=5,
        loss_function="Logloss", random_seed=17, verbose=200,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    print(f"train snapshots: {len(train)}   test snapshots: {len(test)}")
    print(f"ROC AUC: {roc_auc_score(test['dormant'], proba):.4f}")
    print(f"PR AUC:  {average_precision_score(test['dormant'], proba):.4f}")

    scored = test.assign(score=proba)
    top = scored.nlargest(int(0.1 * len(scored)), "score")
    print(f"top-decile dormancy rate {top['dormant'].mean():.3f} vs base {scored['dormant'].mean():.3f}")

    imp = model.get_feature_importance(train_pool, prettified=True)
    print(imp.head(10))


if __name__ == "__main__":
    main()
