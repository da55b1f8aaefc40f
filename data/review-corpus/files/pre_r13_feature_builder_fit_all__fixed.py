# label: leakage/none
# twin: pre_r13_feature_builder_fit_all__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Will a parcel arrive after its promised delivery date?"""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

NUMERIC = ["weight_kg", "distance_km", "declared_value", "promised_days", "depot_scheduled_load"]
CATEGORICAL = ["service_level", "origin_region", "dest_region", "carrier_partner"]


class FeatureBuilder:
    """Median imputation + z-scores for numbers, frequent-level dummies for categories."""

    def __init__(self, min_count=50):
        self.min_count = min_count

    def fit(self, df):
        self.medians_ = df[NUMERIC].median()
        filled = df[NUMERIC].fillna(self.medians_)
        self.means_ = filled.mean()
        self.stds_ = filled.std().replace(0, 1.0)
        self.levels_ = {
            c: [v for v, n in df[c].value_counts().items() if n >= self.min_count]
            for c in CATEGORICAL
        }
        return self

    def transform(self, df):
        num = (df[NUMERIC].fillna(self.medians_) - self.means_) / self.stds_
        dummies = [
            pd.DataFrame({f"{c}={v}": (df[c] == v).astype(float) for v in levels}, index=df.index)
            for c, levels in self.levels_.items()
        ]
        return pd.concat([num, *dummies], axis=1)


parcels = pd.read_csv("data/parcels.csv",
                      parse_dates=["ship_date", "promised_date", "delivered_date"])
parcels["late"] = (parcels["delivered_date"] > parcels["promised_date"]).astype(int)

is_train = parcels["ship_date"] < "2024-03-01"
train, test = parcels[is_train], parcels[~is_train]

builder = FeatureBuilder(min_count=50).fit(train)
X_train, X_test = builder.transform(train), builder.transform(test)
y_train, y_test = train["late"], test["late"]

clf = LogisticRegression(C=0.5, max_iter=1000).fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
print(f"{X_train.shape[1]} features, {len(X_test)} March+ parcels")
print(f"test ROC AUC {roc_auc_score(y_test, proba):.4f}, Brier {brier_score_loss(y_test, proba):.4f}")
