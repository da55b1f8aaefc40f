# label: leakage/none
"""CNC word score at each cochlear implant mapping session.

Source: audiology clinic export, one row per programming (mapping) session.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

CAT_COLS = ["etiology", "implant_model", "processor", "strategy", "ear", "implant_centre"]
NUM_COLS = [
    "age_at_implant", "deaf_years_before_implant", "months_since_activation",
    "active_electrodes", "mean_impedance_kohm", "max_impedance_kohm",
    "mean_t_level_cu", "mean_c_level_cu", "dynamic_range_cu", "stim_rate_pps",
    "pulse_width_us", "daily_use_hours", "contralateral_hearing_aid",
]


def load_sessions(path):
    df = pd.read_csv(path, parse_dates=["session_date", "activation_date"])
    df = df[df["cnc_words_pct"].between(0, 100)]
    df["dynamic_range_cu"] = df["mean_c_level_cu"] - df["mean_t_level_cu"]
    df["months_since_activation"] = (
        (df["session_date"] - df["activation_date"]).dt.days / 30.44
    ).round(1)
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown").astype(str)
    return df.reset_index(drop=True)


@dataclass
class SpeechScoreModel:
    iterations: int = 1500
    depth: int = 6
    learning_rate: float = 0.03
    params: dict = field(default_factory=lambda: {"l2_leaf_reg": 5, "loss_function": "RMSE"})

    def __post_init__(self):
        self.model = CatBoostRegressor(
            iterations=self.iterations,
            depth=self.depth,
            learning_rate=self.learning_rate,
            random_seed=42,
            verbose=250,
            **self.params,
        )

    def _pool(self, df, with_label=True):
        label = df["cnc_words_pct"] if with_label else None
        return Pool(df[CAT_COLS + NUM_COLS], label=label, cat_features=CAT_COLS)

    def fit(self, df):
        self.model.fit(self._pool(df))
        return self

    def predict(self, df):
        return np.clip(self.model.predict(self._pool(df, with_label=False)), 0, 100)


def split_sessions(sessions):
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
    train_idx, test_idx = next(splitter.split(sessions, groups=sessions["patient_id"]))
    return sessions.iloc[train_idx], sessions.iloc[test_idx]


if __name__ == "__main__":
    sessions = load_sessions("data/ci_mapping_sessions.csv")
    print(sessions["patient_id"].nunique(), "patients,", len(sessions), "sessions")

    train, test = split_sessions(sessions)
    model = SpeechScoreModel().fit(train)
    pred = model.predict(test)

    print(f"MAE {mean_absolute_error(test['cnc_words_pct'], pred):.2f} points")
    print(f"R^2 {r2_score(test['cnc_words_pct'], pred):.3f}")

    by_stage = pd.cut(test["months_since_activation"], [0, 3, 6, 12, 24, 120])
    err = (test["cnc_words_pct"] - pred).abs()
    print(err.groupby(by_stage, observed=True).mean().round(2))

    imp = model.model.get_feature_importance(prettified=True)
    print(imp.head(10))
