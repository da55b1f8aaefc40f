# label: leakage/none
"""Which pack llamas get taken off the string during a trek day.

Trek log from the farm's multi-day hill treks: one row per llama per trek
day. The trek leaders use the scores to plan rest days and string order.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

CAT_COLS = ["string_position", "herd", "sex", "trail_surface", "saddle_type"]
NUM_COLS = [
    "age_years", "weight_kg", "distance_km", "temp_c", "elevation_gain_m",
    "days_since_rest", "km_last_7d", "string_size", "pack_load_kg",
    "resting_hr_morning", "body_condition_score",
]
TARGET = "taken_off"


def load_treks(path):
    treks = pd.read_csv(path, parse_dates=["trek_date"])
    treks = treks.sort_values(["llama_id", "trek_date"])
    treks["km_last_7d"] = (
        treks.groupby("llama_id")
        .rolling("7D", on="trek_date", closed="left")["distance_km"]
        .sum()
        .reset_index(level=0, drop=True)
        .fillna(0.0)
        .to_numpy()
    )
    for col in CAT_COLS:
        treks[col] = treks[col].fillna("unknown").astype(str)
    return treks


def split_treks(treks):
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
    train_idx, test_idx = next(splitter.split(treks, groups=treks["llama_id"]))
    return treks.iloc[train_idx], treks.iloc[test_idx]


def fit_model(train):
    pool = Pool(train[CAT_COLS + NUM_COLS], train[TARGET], cat_features=CAT_COLS)
    model = CatBoostClassifier(
        iterations=800,
        depth=6,
        learning_rate=0.05,
        l2_leaf_reg=5,
        auto_class_weights="Balanced",
        verbose=0,
        random_seed=21,
    )
    model.fit(pool)
    return model


def main():
    treks = load_treks("llama_trek_days.csv")
    print(f"{len(treks)} llama-days, {treks['llama_id'].nunique()} llamas, "
          f"take-off rate {treks[TARGET].mean():.3f}")

    train, test = split_treks(treks)
    model = fit_model(train)

    test_pool = Pool(test[CAT_COLS + NUM_COLS], cat_features=CAT_COLS)
    proba = model.predict_proba(test_pool)[:, 1]
    print(f"ROC AUC: {roc_auc_score(test[TARGET], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test[TARGET], proba):.3f}")

    top = np.argsort(-proba)[: max(1, len(proba) // 10)]
    print(f"take-off rate in top decile: {test[TARGET].to_numpy()[top].mean():.3f}")

    importances = pd.Series(model.get_feature_importance(), index=CAT_COLS + NUM_COLS)
    print(importances.sort_values(ascending=False).head(8).round(2))


if __name__ == "__main__":
    main()
