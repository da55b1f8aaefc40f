# label: leakage/preprocessing
"""Will a tagged item sell over the weekend? Antique & collectors fair stalls.

Dealers upload their stock sheet before each fair; the organiser's till data
says which tags were sold. One row per item, taken from the first fair it was
tagged at. Dealer and maker have thousands of levels, so they
are target-encoded before the gradient boosting model.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, TargetEncoder

HIGH_CARD = ["dealer_id", "maker_mark", "fair_venue"]
LOW_CARD = ["category", "period", "condition_grade", "stall_zone"]
NUMERIC = [
    "asking_price_gbp", "log_price", "price_per_cm", "age_years", "height_cm",
    "has_provenance", "photos_on_listing", "dealer_years_trading", "fair_day_count",
]


def load_stock(path):
    stock = pd.read_parquet(path)
    stock = stock[stock["asking_price_gbp"] > 0].copy()
    stock["log_price"] = np.log1p(stock["asking_price_gbp"])
    stock["price_per_cm"] = stock["asking_price_gbp"] / stock["height_cm"].clip(lower=1)
    stock["has_provenance"] = stock["provenance_note"].notna().astype(int)
    return stock


def main():
    stock = load_stock("data/fair_stock_sheets.parquet")
    y = stock["sold"].astype(int)
    print(f"{len(stock)} tagged items, sell-through {y.mean():.1%}")

    te = TargetEncoder(target_type="binary", smooth="auto", random_state=0)
    te.fit(stock[HIGH_CARD], y)
    te_cols = [f"{c}_te" for c in HIGH_CARD]
    stock[te_cols] = te.transform(stock[HIGH_CARD])

    X = stock[te_cols + LOW_CARD + NUMERIC]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=9
    )

    ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                             encoded_missing_value=-1)
    X_train = X_train.copy()
    X_test = X_test.copy()
    X_train[LOW_CARD] = ordinal.fit_transform(X_train[LOW_CARD])
    X_test[LOW_CARD] = ordinal.transform(X_test[LOW_CARD])

    clf = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=500,
        max_leaf_nodes=48,
        min_samples_leaf=40,
        categorical_features=LOW_CARD,
        early_stopping=True,
        validation_fraction=0.1,
        random_state=9,
    )
    clf.fit(X_train, y_train)
    proba = clf.predict_proba(X_test)[:, 1]

    print(f"test ROC AUC  {roc_auc_score(y_test, proba):.3f}")
    print(f"test log loss {log_loss(y_test, proba):.4f}")

    report = X_test.assign(sold=y_test.values, p=proba)
    report["price_band"] = pd.qcut(report["asking_price_gbp"], 5)
    print(report.groupby("price_band", observed=True)[["sold", "p"]].mean().round(3))


if __name__ == "__main__":
    main()
