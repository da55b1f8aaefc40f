# label: leakage/none
"""Alerting model for reserve rides at a drop zone, built from the rigging loft
records and the manifest jump log."""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["canopy_model", "container_model", "slider_type", "jumper_licence", "aircraft"]
NUM_COLS = [
    "wing_loading", "canopy_jumps_since_reline", "days_since_repack",
    "pack_job_count_packer", "jumper_total_jumps", "jumps_last_90d",
    "exit_altitude_ft", "wind_speed_kt", "temperature_c",
]


@dataclass
class ReserveRideModel:
    iterations: int = 800
    depth: int = 6
    learning_rate: float = 0.05
    threshold: float = 0.5
    model: CatBoostClassifier = field(default=None, repr=False)

    def fit(self, X, y):
        self.model = CatBoostClassifier(
            iterations=self.iterations,
            depth=self.depth,
            learning_rate=self.learning_rate,
            auto_class_weights="Balanced",
            cat_features=CAT_COLS,
            verbose=0,
            random_seed=21,
        )
        self.model.fit(X, y)
        return self

    def score(self, X):
        return self.model.predict_proba(X)[:, 1]

    def tune_threshold(self, X, y, grid=np.linspace(0.05, 0.95, 91)):
        scores = self.score(X)
        f1s = [f1_score(y, scores >= t, zero_division=0) for t in grid]
        self.threshold = float(grid[int(np.argmax(f1s))])
        return self.threshold

    def predict(self, X):
        return (self.score(X) >= self.threshold).astype(int)


def load_jumps():
    jumps = pd.read_csv("data/manifest_jumps.csv",
                        parse_dates=["jump_date", "data_card_repack_date"])
    rigs = pd.read_csv("data/rig_specs.csv")
    df = jumps.merge(rigs, on="rig_id", how="left")
    df["days_since_repack"] = (df["jump_date"] - df["data_card_repack_date"]).dt.days
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown").astype(str)
    return df


df = load_jumps()
X = df[CAT_COLS + NUM_COLS]
y = df["reserve_ride"].astype(int)
print(f"{len(df)} jumps, reserve rides: {y.sum()} ({y.mean():.3%})")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21
)

X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.25, stratify=y_train, random_state=21
)

clf = ReserveRideModel().fit(X_fit, y_fit)
t = clf.tune_threshold(X_val, y_val)
print(f"alert threshold: {t:.2f}")

pred = clf.predict(X_test)
print(f"test AUC:       {roc_auc_score(y_test, clf.score(X_test)):.4f}")
print(f"test precision: {precision_score(y_test, pred):.4f}")
print(f"test recall:    {recall_score(y_test, pred):.4f}")
print(f"test F1:        {f1_score(y_test, pred):.4f}")

imp = pd.Series(clf.model.get_feature_importance(), index=X.columns)
print(imp.sort_values(ascending=False).round(2))
