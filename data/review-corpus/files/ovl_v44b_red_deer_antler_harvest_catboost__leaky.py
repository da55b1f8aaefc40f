# label: leakage/overlap
"""Velvet antler yield model for the red deer herd.

Rows come from the farm's harvest register: one row per stag per season,
with the body condition and casting data recorded before cutting.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

CAT_COLS = ["sire_line", "paddock", "supplement", "coat_colour"]
NUM_COLS = [
    "age_years", "liveweight_kg", "condition_score", "casting_doy",
    "days_cast_to_cut", "prev_velvet_kg", "pedicle_diameter_mm",
    "winter_feed_kg_dm", "rut_weight_loss_pct",
]
TARGET = "velvet_kg"


@dataclass
class VelvetYieldModel:
    iterations: int = 1500
    depth: int = 6
    learning_rate: float = 0.03
    seed: int = 17
    model: CatBoostRegressor = field(init=False, default=None)

    def _pool(self, df, with_label=True):
        label = df[TARGET] if with_label else None
        return Pool(df[CAT_COLS + NUM_COLS], label=label, cat_features=CAT_COLS)

    def fit(self, train_df):
        self.model = CatBoostRegressor(
            iterations=self.iterations,
            depth=self.depth,
            learning_rate=self.learning_rate,
            loss_function="RMSE",
            random_seed=self.seed,
            verbose=0,
        )
        self.model.fit(self._pool(train_df))
        return self

    def predict(self, df):
        return self.model.predict(self._pool(df, with_label=False))

    def report(self, test_df):
        pred = self.predict(test_df)
        y = test_df[TARGET].to_numpy()
        rmse = mean_squared_error(y, pred) ** 0.5
        mae = mean_absolute_error(y, pred)
        print(f"RMSE {rmse:.3f} kg | MAE {mae:.3f} kg | mean yield {y.mean():.2f} kg")
        top = self.model.get_feature_importance(prettified=True).head(6)
        print(top.to_string(index=False))


def load_register(path="data/velvet_harvest_register.csv"):
    reg = pd.read_csv(path)
    reg = reg[reg["cut_type"] == "main"]
    reg = reg.sort_values(["stag_tag", "season"])
    reg["prev_velvet_kg"] = reg.groupby("stag_tag")[TARGET].shift(1)
    reg[CAT_COLS] = reg[CAT_COLS].fillna("unknown").astype(str)
    return reg.dropna(subset=[TARGET, "age_years", "liveweight_kg"])


if __name__ == "__main__":
    register = load_register()
    print(f"{len(register)} harvests from {register['stag_tag'].nunique()} stags")

    train_df, test_df = train_test_split(register, test_size=0.2, random_state=17)

    yield_model = VelvetYieldModel().fit(train_df)
    yield_model.report(test_df)

    by_age = test_df.assign(pred=yield_model.predict(test_df))
    by_age = by_age.groupby(np.clip(by_age["age_years"], 2, 10))[[TARGET, "pred"]].mean()
    print(by_age.round(2).to_string())
