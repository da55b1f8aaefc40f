# label: leakage/none
"""Annual berth-contract renewal model for the harbour marina.

Each row is a renewal offer sent to a berth holder (offers go out in November
for the following season). Train on the 2018-2021 offers, test on 2022-2023.
Loyalty-ledger points (fuel dock, chandlery, boatyard, events) are
summarised per offer.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score, f1_score, confusion_matrix

OFFERS = "marina/renewal_offers.csv"
LEDGER = "marina/loyalty_ledger.csv"
BOATS = "marina/boat_register.csv"
TARGET = "renewed"
WINDOW_DAYS = 365

PARAMS = dict(objective="binary", learning_rate=0.05, num_leaves=24,
              min_data_in_leaf=40, feature_fraction=0.8, bagging_fraction=0.8,
              bagging_freq=1, lambda_l2=1.0, verbose=-1, seed=31)


def ledger_features(offers, ledger):
    lg = ledger.merge(offers[["offer_id", "holder_id", "offer_date"]], on="holder_id")
    in_window = (lg["posted_at"] >= lg["offer_date"] - pd.Timedelta(days=WINDOW_DAYS)) & (
        lg["posted_at"] < lg["offer_date"]
    )
    lg = lg[in_window]
    wide = lg.pivot_table(index="offer_id", columns="source", values="points",
                          aggfunc="sum", fill_value=0).add_prefix("pts_")
    wide["pts_total"] = wide.sum(axis=1)
    wide["n_transactions"] = lg.groupby("offer_id").size()
    wide["days_since_last_tx"] = (
        lg.groupby("offer_id")["offer_date"].first() - lg.groupby("offer_id")["posted_at"].max()
    ).dt.days
    return wide


def build_frame():
    offers = pd.read_csv(OFFERS, parse_dates=["offer_date"])
    ledger = pd.read_csv(LEDGER, parse_dates=["posted_at"])
    boats = pd.read_csv(BOATS)
    df = offers.merge(boats, on="boat_id", how="left")
    df = df.merge(ledger_features(offers, ledger), left_on="offer_id", right_index=True, how="left")
    pts_cols = [c for c in df.columns if c.startswith("pts_")] + ["n_transactions"]
    df[pts_cols] = df[pts_cols].fillna(0)
    df["days_since_last_tx"] = df["days_since_last_tx"].fillna(WINDOW_DAYS)
    df["season"] = df["offer_date"].dt.year
    df["price_change_pct"] = 100 * (df["offered_fee"] / df["current_fee"] - 1)
    df["loa_m"] = df["length_overall_m"]
    df["years_berthed"] = df["season"] - df["first_season"]
    for col in ["pontoon", "hull_type", "propulsion"]:
        df[col] = df[col].astype("category")
    return df


df = build_frame()
features = [c for c in df.columns if c.startswith("pts_")] + [
    "n_transactions", "days_since_last_tx", "price_change_pct", "loa_m",
    "beam_m", "years_berthed", "pontoon", "hull_type", "propulsion", "liveaboard",
]
train = df[df["season"] <= 2021]
test = df[df["season"] >= 2022]
print(f"train offers {len(train)} | test offers {len(test)} | renewal rate {train[TARGET].mean():.3f}")

dtrain = lgb.Dataset(train[features], label=train[TARGET])
booster = lgb.train(PARAMS, dtrain, num_boost_round=400)

proba = booster.predict(test[features])
pred = (proba >= 0.5).astype(int)
print(f"ROC-AUC {roc_auc_score(test[TARGET], proba):.4f}")
print(f"F1 (non-renewal) {f1_score(test[TARGET], pred, pos_label=0):.4f}")
print(confusion_matrix(test[TARGET], pred))

imp = pd.Series(booster.feature_importance("gain"), index=features).sort_values(ascending=False)
print(imp.round(0).head(12))
