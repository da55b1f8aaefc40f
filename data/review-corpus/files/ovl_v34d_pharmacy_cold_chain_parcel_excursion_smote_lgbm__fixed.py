# label: leakage/none
"""Temperature-excursion risk for refrigerated mail-order pharmacy parcels.

Biologics ship in insulated boxes with gel packs; a logger flags any parcel that
spent more than 30 minutes outside 2-8 C. The model scores parcels at packing
time so the dispatch desk can upgrade the box or switch to a next-morning slot.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

BOX_TYPES = {"eps_small": 0, "eps_large": 1, "vip_panel": 2, "pcm_shipper": 3}
CARRIER_SERVICE = {"standard_24h": 0, "express_am": 1, "same_day_courier": 2}

FEATURES = [
    "box_type_code", "service_code", "gel_packs", "payload_volume_l",
    "pack_to_collection_min", "route_distance_km", "forecast_max_temp_c",
    "forecast_min_temp_c", "dispatch_hour", "dispatch_weekday", "is_rural_postcode",
    "planned_depot_transfers", "days_to_weekend",
]


def load_shipments(path):
    df = pd.read_csv(path, parse_dates=["packed_at", "scheduled_collection_at"])
    df = df[df["logger_status"] == "read_ok"].copy()
    df["box_type_code"] = df["box_type"].map(BOX_TYPES)
    df["service_code"] = df["carrier_service"].map(CARRIER_SERVICE)
    df["pack_to_collection_min"] = (df["scheduled_collection_at"] - df["packed_at"]).dt.total_seconds() / 60
    df["dispatch_hour"] = df["packed_at"].dt.hour
    df["dispatch_weekday"] = df["packed_at"].dt.weekday
    df["days_to_weekend"] = (5 - df["dispatch_weekday"]).clip(lower=0)
    df = df.dropna(subset=FEATURES + ["excursion"])
    return df


def fit_model(X, y):
    model = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=42,
        verbose=-1,
    )
    model.fit(X, y)
    return model


def report(model, X_test, y_test):
    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC           : {roc_auc_score(y_test, proba):.3f}")
    print(f"average precision : {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
    top = np.argsort(-proba)[: int(0.1 * len(proba))]
    print(f"excursions caught in top 10% of scores: {y_test.iloc[top].sum() / y_test.sum():.1%}")


def main():
    shipments = load_shipments("data/cold_chain_shipments_2022_2024.csv")
    X = shipments[FEATURES].astype(float)
    y = shipments["excursion"].astype(int)
    print(f"{len(shipments)} parcels, excursion rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=42
    )

    X_bal, y_bal = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=42).fit_resample(X_train, y_train)

    model = fit_model(X_bal, y_bal)
    report(model, X_test, y_test)

    imp = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES)
    print((imp / imp.sum()).sort_values(ascending=False).round(3).to_string())


if __name__ == "__main__":
    main()
