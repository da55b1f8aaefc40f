# label: leakage/target
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss

LOTS = "data/cardamom_eauction_lots.csv"
CUTOFF = "2023-06-01"
LOT_KEYS = ["planter_id", "grade_mm", "quantity_kg"]
AUCTIONEERS = {"CPA": 0, "KCPMC": 1, "SMPCL": 2, "IPP": 3, "HPC": 4, "MAS": 5}
FEATURES = ["quantity_kg", "grade_mm", "moisture_pct", "litre_weight_g", "colour_score",
            "immature_pct", "reserve_per_kg", "reserve_vs_last_avg", "lots_in_session",
            "session_slot", "auctioneer_code", "planter_lots_to_date", "times_listed",
            "days_since_session", "month"]
PARAMS = dict(objective="binary", learning_rate=0.03, num_leaves=31, min_data_in_leaf=40,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0, verbose=-1)


def load(path):
    lots = pd.read_csv(path, parse_dates=["session_date"])
    lots = lots.sort_values(["session_date", "session_slot"]).reset_index(drop=True)
    lots["unsold"] = (lots["outcome"] == "no_sale").astype(int)
    lots["auctioneer_code"] = lots["auctioneer"].map(AUCTIONEERS).fillna(len(AUCTIONEERS)).astype(int)
    lots["month"] = lots["session_date"].dt.month
    return lots


def session_context(lots):
    sess = lots.groupby("session_date").agg(lots_in_session=("lot_id", "size"),
                                            session_avg=("avg_price_per_kg", "mean")).reset_index()
    sess["last_session_avg"] = sess["session_avg"].shift(1)
    sess["days_since_session"] = sess["session_date"].diff().dt.days
    out = lots.merge(sess.drop(columns="session_avg"), on="session_date", how="left")
    out["reserve_vs_last_avg"] = out["reserve_per_kg"] / out["last_session_avg"]
    return out


def planter_history(lots):
    lots = lots.copy()
    lots["planter_lots_to_date"] = lots.groupby("planter_id").cumcount()
    lots["times_listed"] = lots.groupby(LOT_KEYS)["lot_id"].transform("count")
    return lots


lots = planter_history(session_context(load(LOTS)))
print(lots.groupby(lots["session_date"].dt.year)["unsold"].agg(["size", "mean"]).round(3))

train = lots[lots["session_date"] < CUTOFF]
test = lots[lots["session_date"] >= CUTOFF]
dtrain = lgb.Dataset(train[FEATURES], train["unsold"], categorical_feature=["auctioneer_code"])
booster = lgb.train(PARAMS, dtrain, num_boost_round=500)

p = booster.predict(test[FEATURES])
print(f"test sessions from {CUTOFF}: n={len(test)}  unsold rate={test['unsold'].mean():.3f}")
print(f"AUC   {roc_auc_score(test['unsold'], p):.3f}")
print(f"AP    {average_precision_score(test['unsold'], p):.3f}")
print(f"Brier {brier_score_loss(test['unsold'], p):.4f}")

imp = pd.Series(booster.feature_importance("gain"), index=FEATURES).sort_values()
fig, ax = plt.subplots(figsize=(6, 5))
imp.plot.barh(ax=ax)
ax.set_title("LightGBM gain – no-sale model")
fig.tight_layout()
fig.savefig("cardamom_nosale_importance.png", dpi=110)

bands = pd.qcut(p, 5, labels=False, duplicates="drop")
print(test.assign(band=bands).groupby("band")["unsold"].agg(["size", "mean"]).round(3))
