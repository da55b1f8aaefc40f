# label: leakage/none
"""No-show risk for festival volunteer crews.

Volunteers register in spring; the crew office scores everyone two weeks
before gates open and over-books the roles with the highest expected no-show.
One row per volunteer registration per festival edition.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_FEATURES = ["role", "first_shift_day", "first_shift_slot", "home_region", "referral_source"]
NUM_FEATURES = [
    "age",
    "registration_lead_days",
    "prior_editions_volunteered",
    "prior_no_shows",
    "travel_km",
    "has_camping_pass",
    "online_induction_done",
    "shifts_assigned",
    "email_open_rate_spring",
]
LABEL = "no_show"


@dataclass
class NoShowModel:
    params: dict = field(default_factory=lambda: {
        "iterations": 800,
        "depth": 6,
        "learning_rate": 0.05,
        "loss_function": "Logloss",
        "auto_class_weights": "Balanced",
        "random_seed": 42,
        "verbose": 0,
    })

    def fit(self, X, y):
        self.model_ = CatBoostClassifier(**self.params, cat_features=CAT_FEATURES)
        self.model_.fit(X, y)
        return self

    def predict_proba(self, X):
        return self.model_.predict_proba(X)[:, 1]

    def top_features(self, n=10):
        imp = self.model_.get_feature_importance(prettified=True)
        return imp.head(n)


def load_registrations(path="volunteer_registrations.csv"):
    df = pd.read_csv(path)
    # history from earlier editions
    df = df.sort_values(["volunteer_id", "edition_year"])
    df["prior_no_shows"] = df.groupby("volunteer_id")[LABEL].transform(lambda s: s.shift(1).fillna(0).cumsum())
    df["prior_editions_volunteered"] = df.groupby("volunteer_id").cumcount()
    for col in CAT_FEATURES:
        df[col] = df[col].fillna("missing").astype(str)
    return df


def main():
    df = load_registrations()
    latest = df["edition_year"].max()
    train_df = df[df["edition_year"] < latest]
    test_df = df[df["edition_year"] == latest]
    X_cols = CAT_FEATURES + NUM_FEATURES

    model = NoShowModel().fit(train_df[X_cols], train_df[LABEL])
    p = model.predict_proba(test_df[X_cols])
    y = test_df[LABEL].to_numpy()

    print(f"editions < {latest}: {len(train_df)} rows, {latest}: {len(test_df)} rows")
    print(f"ROC AUC {roc_auc_score(y, p):.3f}  Brier {brier_score_loss(y, p):.4f}")

    by_role = test_df.assign(p=p).groupby("role").agg(
        expected=("p", "sum"), actual=(LABEL, "sum"), crew=(LABEL, "size")
    )
    by_role["overbook"] = np.ceil(by_role["expected"]).astype(int)
    print(by_role.sort_values("expected", ascending=False))
    print(model.top_features())


if __name__ == "__main__":
    main()
