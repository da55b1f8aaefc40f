# label: leakage/none
"""Coin-mechanism jam risk for on-street pay-and-display meters.

Snapshot of every meter on 1 April; label = a jam ticket raised by the
enforcement team within the following 30 days.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split

SNAPSHOT = "data/meters_snapshot_2024-04-01.csv"
SEED = 0


def load_meters(path):
    meters = pd.read_csv(path)
    meters = meters.drop_duplicates("meter_id").set_index("meter_id")
    return meters[meters["in_service"] == 1]


def engineer(meters):
    feats = pd.DataFrame(index=meters.index)
    feats["coins_per_day"] = meters["coins_90d"] / 90
    feats["card_share"] = meters["card_txn_90d"] / (meters["card_txn_90d"] + meters["coins_90d"]).clip(lower=1)
    feats["foreign_coin_rate"] = meters["rejected_coins_90d"] / meters["coins_90d"].clip(lower=1)
    feats["days_since_service"] = meters["days_since_service"]
    feats["meter_age_years"] = meters["meter_age_years"]
    feats["coastal"] = meters["coastal_zone"].astype(int)
    feats["covered"] = meters["under_canopy"].astype(int)
    feats["slot_type_b"] = (meters["coin_slot_type"] == "B").astype(int)
    feats["jams_prev_year"] = meters["jam_tickets_prev_12m"]
    feats["tariff_per_hour"] = meters["tariff_gbp_hour"]
    feats["rain_mm_30d"] = meters["rain_mm_30d"]
    return feats


def report(model, X_test, y_test):
    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(confusion_matrix(y_test, pred))
    print(classification_report(y_test, pred, digits=3))
    top = pd.Series(proba, index=X_test.index).sort_values(ascending=False).head(20)
    print("meters to visit first:\n", top.round(3))


def main():
    meters = load_meters(SNAPSHOT)
    X = engineer(meters)
    y = meters["jam_next_30d"].astype(int)
    print(f"{len(X)} meters, {y.sum()} jammed ({y.mean():.1%})")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=SEED
    )
    X_train, y_train = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X_train, y_train)
    print("class balance for fitting:", np.bincount(y_train))

    forest = RandomForestClassifier(
        n_estimators=600,
        max_depth=12,
        min_samples_leaf=2,
        max_features="sqrt",
        n_jobs=-1,
        random_state=SEED,
    )
    forest.fit(X_train, y_train)
    report(forest, X_test, y_test)

    importance = pd.Series(forest.feature_importances_, index=X.columns)
    print(importance.sort_values(ascending=False).round(3))


if __name__ == "__main__":
    main()
