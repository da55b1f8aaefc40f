# label: leakage/target
# twin: tgt_parcel_transit_days_late__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Flag parcels at risk of missing the promised delivery date (scored at dispatch)."""
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

CATS = ["carrier", "service_level", "origin_hub", "dest_region"]

shipments = (
    pd.read_csv("exports/shipments_2024.csv",
                parse_dates=["shipped_at", "promised_by", "delivered_at"])
    .dropna(subset=["delivered_at"])
    .assign(
        late=lambda d: (d.delivered_at > d.promised_by).astype(int),
        promised_days=lambda d: (d.promised_by - d.shipped_at).dt.days,
        transit_days=lambda d: (d.delivered_at - d.shipped_at).dt.total_seconds() / 86400,
        ship_dow=lambda d: d.shipped_at.dt.dayofweek,
        weight_kg=lambda d: d.weight_g / 1000,
    )
)

NUMS = ["promised_days", "transit_days", "ship_dow", "weight_kg", "distance_km", "hub_backlog"]
X = shipments[CATS + NUMS]
y = shipments["late"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=4)

enc = make_column_transformer(
    (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATS),
    remainder="passthrough",
)
clf = make_pipeline(enc, HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05,
                                                        class_weight="balanced", random_state=4))
clf.fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test), digits=3))
