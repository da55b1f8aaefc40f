# label: leakage/preprocessing
# twin: pre_v14_air_cargo_target_encoding__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Cross-validated estimate of missed-connection risk for air cargo consignments at booking time."""
import category_encoders as ce
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate

SHIPMENTS = "data/air_cargo/consignments_2023.parquet"  # one row per air waybill
HIGH_CARD = ["origin", "destination", "transfer_hub", "carrier", "handling_agent", "commodity_code"]
NUMERIC = [
    "chargeable_weight_kg", "pieces", "volume_m3", "planned_transfer_min",
    "dep_hour", "dow", "is_dangerous_goods", "is_perishable",
]


def load_consignments(path):
    df = pd.read_parquet(path)
    df["dep_hour"] = df["scheduled_departure"].dt.hour
    df["dow"] = df["scheduled_departure"].dt.dayofweek
    df["missed_connection"] = (df["status"] == "MISSED_CONNECTION").astype(int)
    df[HIGH_CARD] = df[HIGH_CARD].fillna("UNK").astype(str)
    return df


def build_model():
    return HistGradientBoostingClassifier(
        max_iter=500,
        learning_rate=0.05,
        max_leaf_nodes=48,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    )


def main():
    df = load_consignments(SHIPMENTS)
    X, y = df[HIGH_CARD + NUMERIC], df["missed_connection"]
    print(f"{len(df):,} consignments, missed-connection rate {y.mean():.2%}")
    print(df[HIGH_CARD].nunique().to_string())

    encoder = ce.TargetEncoder(cols=HIGH_CARD, smoothing=20.0, min_samples_leaf=50)
    X_enc = encoder.fit_transform(X, y)
    model = build_model()

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    res = cross_validate(model, X_enc, y, cv=cv, scoring=["roc_auc", "average_precision"])
    for metric in ("test_roc_auc", "test_average_precision"):
        vals = res[metric]
        print(f"{metric:>24s}: {np.mean(vals):.4f} +/- {np.std(vals):.4f}")


if __name__ == "__main__":
    main()
