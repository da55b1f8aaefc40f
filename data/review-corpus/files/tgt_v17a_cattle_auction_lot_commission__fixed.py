# label: leakage/none
# twin: tgt_v17a_cattle_auction_lot_commission__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Will a store-cattle lot sell in the ring, or be passed in below the vendor's reserve?

Catalogue data are entered when the lot is consigned; the sale-day sheet adds the ring results.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CONFIG = {
    "catalogue": "data/consignments_2018_2024.csv",
    "sale_sheet": "data/ring_results_2018_2024.csv",
    "test_size": 0.2,
    "seed": 17,
    "params": {"iterations": 800, "depth": 6, "learning_rate": 0.05,
               "l2_leaf_reg": 5, "loss_function": "Logloss", "verbose": 0},
}
CAT_COLS = ["breed", "sex", "vendor_region", "sale_yard", "vaccination_status", "auctioneer"]
NUM_COLS = ["head_count", "avg_weight_kg", "age_months", "reserve_per_kg",
            "days_on_feed", "transport_km", "market_index_prev_week", "lot_order"]


def load(cfg):
    catalogue = pd.read_csv(cfg["catalogue"], parse_dates=["sale_date"])
    ring = pd.read_csv(cfg["sale_sheet"])[["lot_id", "sold"]]
    lots = catalogue.merge(ring, on="lot_id", how="inner")
    lots = lots[lots["head_count"] > 0]
    lots["vaccination_status"] = lots["vaccination_status"].fillna("unknown")
    lots["avg_weight_kg"] = lots["total_weight_kg"] / lots["head_count"]
    lots["reserve_per_kg"] = lots["reserve_price"] / lots["total_weight_kg"]
    for c in CAT_COLS:
        lots[c] = lots[c].astype(str)
    return lots


lots = load(CONFIG)
print(f"{len(lots)} lots, sold rate {lots['sold'].mean():.1%}")

X = lots[CAT_COLS + NUM_COLS]
y = lots["sold"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=CONFIG["test_size"], stratify=y, random_state=CONFIG["seed"]
)

train_pool = Pool(X_train, y_train, cat_features=CAT_COLS)
test_pool = Pool(X_test, y_test, cat_features=CAT_COLS)

model = CatBoostClassifier(**CONFIG["params"], random_seed=CONFIG["seed"])
model.fit(train_pool)

proba = model.predict_proba(test_pool)[:, 1]
print(f"ROC AUC:  {roc_auc_score(y_test, proba):.3f}")
print(f"log loss: {log_loss(y_test, proba):.3f}")
print(f"accuracy: {accuracy_score(y_test, proba >= 0.5):.3f}")

importance = model.get_feature_importance(prettified=True)
print(importance.head(8).to_string(index=False))
