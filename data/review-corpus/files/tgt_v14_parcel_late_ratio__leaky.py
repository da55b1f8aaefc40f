# label: leakage/target
# twin: tgt_v14_parcel_late_ratio__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Predict at dispatch whether a parcel will miss its promised delivery date."""
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

PARCELS = "data/logistics/parcels_2023.parquet"
FEATURES = [
    "weight_kg", "volume_l", "density_kg_l", "declared_value", "promised_days",
    "distance_km", "origin_backlog", "dest_backlog", "dispatch_hour", "dispatch_dow",
    "is_remote_postcode", "service_express", "transit_ratio",
]
XGB_PARAMS = dict(
    n_estimators=500,
    max_depth=6,
    learning_rate=0.05,
    subsample=0.8,
    colsample_bytree=0.8,
    eval_metric="aucpr",
    tree_method="hist",
    random_state=4,
)


def enrich(df):
    out = df.copy()
    out["promised_days"] = (out["promised_date"] - out["dispatched_at"].dt.normalize()).dt.days
    out["actual_days"] = (out["delivered_at"] - out["dispatched_at"]).dt.total_seconds() / 86400
    out["late"] = (out["delivered_at"].dt.normalize() > out["promised_date"]).astype(int)
    out["density_kg_l"] = out["weight_kg"] / out["volume_l"].clip(lower=0.1)
    out["transit_ratio"] = out["actual_days"] / out["promised_days"].clip(lower=1)
    out["dispatch_hour"] = out["dispatched_at"].dt.hour
    out["dispatch_dow"] = out["dispatched_at"].dt.dayofweek
    out["service_express"] = (out["service"] == "express").astype(int)
    return out


def load(path):
    df = pd.read_parquet(path)
    df = df[df["status"] == "DELIVERED"].dropna(subset=["delivered_at", "promised_date"])
    return enrich(df)


if __name__ == "__main__":
    parcels = load(PARCELS)
    print(parcels.groupby("late")["actual_days"].median().rename("median transit days"))
    X, y = parcels[FEATURES], parcels["late"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=4
    )

    spw = float((y_train == 0).sum() / max((y_train == 1).sum(), 1))
    clf = XGBClassifier(scale_pos_weight=spw, **XGB_PARAMS)
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"late rate (test)   {y_test.mean():.2%}")
    print(f"ROC AUC            {roc_auc_score(y_test, proba):.4f}")
    print(f"average precision  {average_precision_score(y_test, proba):.4f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
    gain = pd.Series(clf.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(gain.head(6).round(3).to_string())
