# label: leakage/overlap
"""Pre-weaning piglet loss on a breeding unit.

One row per litter from the herd management export. A litter is flagged when
more than 15% of the piglets born alive die before weaning. Features are the
ones the stockperson has on the day of farrowing.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

LOSS_CUTOFF = 0.15


@dataclass
class LitterLossModel:
    cat_features: list = field(default_factory=lambda: [
        "genetic_line", "farrowing_room", "crate_type", "season",
    ])
    num_features: list = field(default_factory=lambda: [
        "parity", "backfat_mm_at_entry", "body_condition_score", "gestation_days",
        "total_born", "born_alive", "stillborn", "mummified", "farrowing_hours",
        "avg_birth_weight_kg", "induced", "room_temp_c",
    ])
    params: dict = field(default_factory=lambda: {
        "iterations": 800,
        "depth": 6,
        "learning_rate": 0.05,
        "l2_leaf_reg": 5,
        "loss_function": "Logloss",
        "random_seed": 21,
        "verbose": 0,
    })

    def __post_init__(self):
        self.model = CatBoostClassifier(**self.params)

    @property
    def features(self):
        return self.cat_features + self.num_features

    def pool(self, df, with_label=True):
        label = df["high_loss"] if with_label else None
        return Pool(df[self.features], label=label, cat_features=self.cat_features)

    def fit(self, df):
        self.model.fit(self.pool(df))
        return self

    def predict_proba(self, df):
        return self.model.predict_proba(self.pool(df, with_label=False))[:, 1]


def load_litters(path):
    df = pd.read_csv(path, parse_dates=["farrowing_date"])
    df = df[df["born_alive"] > 0].copy()
    df["high_loss"] = (df["preweaning_deaths"] / df["born_alive"] > LOSS_CUTOFF).astype(int)
    month = df["farrowing_date"].dt.month
    df["season"] = np.select(
        [month.isin([12, 1, 2]), month.isin([3, 4, 5]), month.isin([6, 7, 8])],
        ["winter", "spring", "summer"], default="autumn",
    )
    df["induced"] = df["induced"].fillna(0).astype(int)
    for c in ["genetic_line", "farrowing_room", "crate_type"]:
        df[c] = df[c].fillna("unknown").astype(str)
    return df


def main():
    litters = load_litters("data/herd_litters_2019_2024.csv")
    print(f"{len(litters)} litters from {litters['sow_id'].nunique()} sows, "
          f"high-loss rate {litters['high_loss'].mean():.3f}")

    train_df, test_df = train_test_split(
        litters, test_size=0.2, stratify=litters["high_loss"], random_state=21
    )

    clf = LitterLossModel().fit(train_df)
    p = clf.predict_proba(test_df)

    print(f"test ROC AUC: {roc_auc_score(test_df['high_loss'], p):.3f}")
    print(f"test Brier:   {brier_score_loss(test_df['high_loss'], p):.4f}")

    by_parity = (
        test_df.assign(score=p, parity_band=pd.cut(test_df["parity"], [0, 1, 3, 6, 20]))
        .groupby("parity_band", observed=True)[["high_loss", "score"]]
        .mean()
        .round(3)
    )
    print(by_parity)

    importances = pd.Series(clf.model.get_feature_importance(), index=clf.features)
    print(importances.sort_values(ascending=False).head(10).round(2))


if __name__ == "__main__":
    main()
