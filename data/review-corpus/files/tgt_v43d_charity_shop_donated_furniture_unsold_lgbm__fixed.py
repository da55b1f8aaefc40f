# label: leakage/none
"""Charity furniture warehouse: at listing time, estimate which donated items
will still be unsold 60 days after going on the shop floor (those go to the
reuse partner). Items flagged early get a lower starting price or go online.
"""
from dataclasses import dataclass

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

CATS = ["category", "material", "condition_grade", "shop", "donation_route", "colour_family"]
NUMS = ["width_cm", "depth_cm", "height_cm", "n_photos", "start_price", "rrp_estimate",
        "listing_month", "listing_dow", "has_fire_label", "needs_two_person_lift"]


@dataclass
class Paths:
    items: str = "warehouse/items.csv"
    prices: str = "warehouse/price_changes.csv"
    sales: str = "warehouse/sales.csv"


def build_table(p: Paths) -> pd.DataFrame:
    items = pd.read_csv(p.items, parse_dates=["listed_at"])
    prices = pd.read_csv(p.prices, parse_dates=["changed_at"])
    sales = pd.read_csv(p.sales, parse_dates=["sold_at"])

    items = items[items["listed_at"] <= items["listed_at"].max() - pd.Timedelta(days=60)]
    sold = items[["item_id", "listed_at"]].merge(sales[["item_id", "sold_at"]], on="item_id", how="left")
    days_to_sale = (sold["sold_at"] - sold["listed_at"]).dt.days
    items["unsold_60d"] = (days_to_sale.isna() | (days_to_sale > 60)).astype(int).values

    price_summary = (
        prices.sort_values("changed_at")
        .groupby("item_id")
        .agg(start_price=("price", "first"))
        .reset_index()
    )
    items = items.merge(price_summary, on="item_id", how="left")

    items["rrp_estimate"] = items["rrp_estimate"].fillna(-1)
    items["listing_month"] = items["listed_at"].dt.month
    items["listing_dow"] = items["listed_at"].dt.dayofweek
    for c in CATS:
        items[c] = items[c].fillna("unknown").astype("category")
    return items.sort_values("listed_at").reset_index(drop=True)


def main():
    items = build_table(Paths())
    features = CATS + NUMS

    cut = items["listed_at"].quantile(0.8)
    train = items[items["listed_at"] <= cut - pd.Timedelta(days=60)]
    test = items[items["listed_at"] > cut].copy()
    for c in CATS:
        test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)
    print(f"train {len(train)} items, test {len(test)} items (listed after {cut:%Y-%m-%d})")
    print(f"unsold rate train {train['unsold_60d'].mean():.2f}, test {test['unsold_60d'].mean():.2f}")

    model = lgb.LGBMClassifier(
        n_estimators=700,
        learning_rate=0.03,
        num_leaves=24,
        min_child_samples=40,
        colsample_bytree=0.8,
        subsample=0.8,
        subsample_freq=1,
        verbose=-1,
    )
    model.fit(train[features], train["unsold_60d"])
    proba = model.predict_proba(test[features])[:, 1]

    print(f"ROC AUC: {roc_auc_score(test['unsold_60d'], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test['unsold_60d'], proba):.3f}")

    test["score"] = proba
    top = test.nlargest(int(0.2 * len(test)), "score")
    print(f"unsold rate among top-20% flagged: {top['unsold_60d'].mean():.2f}")
    print(test.groupby("category", observed=True)[["unsold_60d", "score"]].mean().round(2).to_string())


if __name__ == "__main__":
    main()
