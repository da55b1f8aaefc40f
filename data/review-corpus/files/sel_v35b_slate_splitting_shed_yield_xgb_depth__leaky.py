# label: leakage/selection
"""Usable roofing slates per quarried block, splitting shed records 2019-2024."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

FEATURES = [
    "block_length_cm", "block_width_cm", "block_height_cm", "block_mass_kg",
    "cleavage_angle_deg", "grain_angle_deg", "pyrite_spots", "quartz_veins",
    "bed_number", "moisture_pct", "days_since_extraction", "splitter_experience_yrs",
]
TARGET = "usable_slates"
DEPTHS = [3, 4, 5, 6, 8, 10]


def load_blocks(path):
    df = pd.read_csv(path, parse_dates=["split_date"])
    df = df.dropna(subset=[TARGET])
    df = df[df["block_mass_kg"] > 0]
    df["block_volume_l"] = (
        df["block_length_cm"] * df["block_width_cm"] * df["block_height_cm"] / 1000.0
    )
    df["density_kg_l"] = df["block_mass_kg"] / df["block_volume_l"]
    df["vein_flag"] = (df["quartz_veins"] > 0).astype(int)
    df["split_month"] = df["split_date"].dt.month
    return df


def make_model(depth, seed=11):
    return xgb.XGBRegressor(
        n_estimators=600,
        learning_rate=0.05,
        max_depth=depth,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        objective="count:poisson",
        tree_method="hist",
        random_state=seed,
    )


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/splitting_shed_blocks.csv")
    parser.add_argument("--out", default="reports/slate_yield_xgb.json")
    args = parser.parse_args()

    df = load_blocks(args.data)
    cols = FEATURES + ["block_volume_l", "density_kg_l", "vein_flag", "split_month"]
    X, y = df[cols], df[TARGET]
    print(f"{len(df)} blocks, mean yield {y.mean():.1f} slates")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11
    )

    # tree depth sweep
    scores = {}
    for depth in DEPTHS:
        model = make_model(depth)
        model.fit(X_train, y_train)
        scores[depth] = rmse(y_test, model.predict(X_test))
        print(f"max_depth={depth:>2}  rmse={scores[depth]:.3f}")

    best_depth = min(scores, key=scores.get)
    final = make_model(best_depth)
    final.fit(X_train, y_train)
    pred = final.predict(X_test)

    report = {
        "max_depth": int(best_depth),
        "test_rmse": rmse(y_test, pred),
        "test_mae": float(mean_absolute_error(y_test, pred)),
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
        "top_features": (
            pd.Series(final.feature_importances_, index=cols)
            .sort_values(ascending=False)
            .head(8)
            .round(4)
            .to_dict()
        ),
    }
    print(json.dumps(report, indent=2))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
