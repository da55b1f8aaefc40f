# label: leakage/overlap
"""Snowmobile rental fleet: probability that a sled comes back with track or
suspension damage that needs the workshop before the next hire.

Source: return-inspection sheets joined to the booking system, winters 2019-2024.
One row per hire return.
"""
from dataclasses import dataclass, field

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CATEGORICAL = ["sled_model", "trail_zone", "hire_type", "rider_experience"]
NUMERIC = [
    "build_year", "engine_hours", "track_km", "days_since_service", "hire_hours",
    "gps_km", "gps_max_speed_kmh", "off_trail_share", "snow_depth_cm",
    "air_temp_c", "fresh_snow_24h_cm", "riders_on_sled",
]


def load_returns(path="data/sled_hire_returns.csv"):
    df = pd.read_csv(path, parse_dates=["returned_at"])
    df = df[df["inspection_done"] == 1].copy()
    df["track_damage"] = (df["workshop_items"].fillna("").str.contains("TRACK|SUSP")).astype(int)
    df["month"] = df["returned_at"].dt.month
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


@dataclass
class DamageModel:
    params: dict = field(default_factory=lambda: dict(
        n_estimators=500, learning_rate=0.03, num_leaves=31,
        min_child_samples=25, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, reg_lambda=1.0, verbose=-1,
    ))
    features: list = field(default_factory=lambda: NUMERIC + CATEGORICAL + ["month"])

    def fit(self, frame):
        self.model_ = lgb.LGBMClassifier(**self.params)
        self.model_.fit(frame[self.features], frame["track_damage"],
                        categorical_feature=CATEGORICAL)
        return self

    def predict_proba(self, frame):
        return self.model_.predict_proba(frame[self.features])[:, 1]

    def report(self, frame, label):
        proba = self.predict_proba(frame)
        y = frame["track_damage"]
        print(f"[{label}] n={len(frame)} damage rate={y.mean():.3f} "
              f"AUC={roc_auc_score(y, proba):.3f} Brier={brier_score_loss(y, proba):.4f}")
        top = frame.assign(p=proba).nlargest(int(0.1 * len(frame)), "p")
        print(f"[{label}] damage rate in top decile: {top['track_damage'].mean():.3f}")
        return proba


def main():
    returns = load_returns()
    print(f"{len(returns)} returns from {returns['sled_id'].nunique()} sleds")

    train_idx, test_idx = train_test_split(
        np.arange(len(returns)), test_size=0.25, random_state=3,
        stratify=returns["track_damage"],
    )
    train, test = returns.iloc[train_idx], returns.iloc[test_idx]

    model = DamageModel().fit(train)
    model.report(train, "train")
    model.report(test, "test")

    gain = pd.Series(model.model_.booster_.feature_importance("gain"), index=model.features)
    print((gain / gain.sum()).sort_values(ascending=False).head(8).round(3))


if __name__ == "__main__":
    main()
