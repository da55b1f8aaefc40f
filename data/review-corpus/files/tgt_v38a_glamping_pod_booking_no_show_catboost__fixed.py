# label: leakage/none
"""No-show model for a glamping site (pods, yurts, shepherd huts).

Bookings come from the site's booking engine export. Arrivals in the last
season are scored by a model trained on earlier seasons; the scores feed
the overbooking allowance for peak weekends.
"""
from dataclasses import dataclass, field

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, roc_auc_score

BOOKINGS = "exports/bookings_2019_2024.csv"


@dataclass
class NoShowModel:
    cat_features: list = field(default_factory=lambda: [
        "unit_type", "booking_channel", "rate_plan", "party_type",
        "home_region", "arrival_weekday",
    ])
    num_features: list = field(default_factory=lambda: [
        "lead_time_days", "nights", "adults", "children", "dogs",
        "total_price_gbp", "deposit_pct", "amended_count",
        "previous_stays", "distance_km",
    ])
    params: dict = field(default_factory=lambda: {
        "iterations": 1500,
        "learning_rate": 0.03,
        "depth": 6,
        "l2_leaf_reg": 5,
        "loss_function": "Logloss",
        "eval_metric": "AUC",
        "random_seed": 42,
        "verbose": 200,
    })

    @property
    def features(self):
        return self.cat_features + self.num_features

    def _pool(self, df, with_label=True):
        label = df["no_show"] if with_label else None
        return Pool(df[self.features], label=label, cat_features=self.cat_features)

    def fit(self, train):
        self.model = CatBoostClassifier(**self.params)
        self.model.fit(self._pool(train))
        return self

    def predict_proba(self, df):
        return self.model.predict_proba(self._pool(df, with_label=False))[:, 1]


def load_bookings(path):
    df = pd.read_csv(path, parse_dates=["booked_at", "arrival_date"])
    df = df[df["status"].isin(["checked_out", "no_show"])].copy()
    df["no_show"] = (df["status"] == "no_show").astype(int)
    df["arrival_weekday"] = df["arrival_date"].dt.day_name()
    df["lead_time_days"] = (df["arrival_date"] - df["booked_at"]).dt.days
    df["home_region"] = df["home_region"].fillna("unknown")
    df["extras_spend_gbp"] = df["extras_spend_gbp"].fillna(0.0)
    return df


bookings = load_bookings(BOOKINGS)
train = bookings[bookings["arrival_date"] < "2024-01-01"]
test = bookings[bookings["arrival_date"] >= "2024-01-01"]
print(f"train {len(train)} bookings, no-show rate {train['no_show'].mean():.3f}")
print(f"test  {len(test)} bookings, no-show rate {test['no_show'].mean():.3f}")

model = NoShowModel().fit(train)
proba = model.predict_proba(test)

print(f"2024 ROC AUC: {roc_auc_score(test['no_show'], proba):.4f}")
print(f"2024 Brier:   {brier_score_loss(test['no_show'], proba):.4f}")

summary = (
    test.assign(expected=proba)
    .groupby("unit_type")
    .agg(bookings=("no_show", "size"), actual=("no_show", "sum"), expected=("expected", "sum"))
    .round(1)
)
print(summary.to_string())

importance = model.model.get_feature_importance(prettified=True)
print(importance.head(10).to_string(index=False))
