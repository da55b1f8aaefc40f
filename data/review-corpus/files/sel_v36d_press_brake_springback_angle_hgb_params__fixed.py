# label: leakage/none
"""Springback model for the press brake cell.

Predicts the springback angle (degrees) of air-bent sheet parts from material,
tooling and bend-program settings so the controller can over-bend to target.
"""
import itertools
import json
from pathlib import Path

import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

DATA = Path("data/press_brake_bends.csv")
OUT = Path("reports/springback_hgb.json")

NUMERIC = [
    "sheet_thickness_mm", "yield_strength_mpa", "tensile_strength_mpa",
    "die_opening_mm", "punch_radius_mm", "target_angle_deg", "bend_length_mm",
    "ram_speed_mm_s", "tonnage_kn", "coil_temp_c",
]
CATEGORICAL = ["material_grade", "rolling_direction", "tool_set"]
TARGET = "springback_deg"

LEARNING_RATES = [0.03, 0.06, 0.1]
LEAF_NODES = [15, 31, 63]
L2_PENALTIES = [0.0, 0.1, 1.0]


def load_bends(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET])
    df = df[(df["sheet_thickness_mm"] > 0) & (df["target_angle_deg"].between(30, 175))]
    # dimensionless ratios the tooling handbook works with
    df["v_over_t"] = df["die_opening_mm"] / df["sheet_thickness_mm"]
    df["r_over_t"] = df["punch_radius_mm"] / df["sheet_thickness_mm"]
    df["strength_ratio"] = df["yield_strength_mpa"] / df["tensile_strength_mpa"]
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def make_model(lr, leaves, l2):
    return HistGradientBoostingRegressor(
        learning_rate=lr,
        max_leaf_nodes=leaves,
        l2_regularization=l2,
        max_iter=600,
        categorical_features="from_dtype",
        random_state=7,
    )


def main():
    df = load_bends(DATA)
    features = NUMERIC + ["v_over_t", "r_over_t", "strength_ratio"] + CATEGORICAL
    X, y = df[features], df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=7
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, random_state=7
    )
    print(f"{len(X_fit)} fit / {len(X_val)} validation / {len(X_test)} test bends")

    rows = []
    for lr, leaves, l2 in itertools.product(LEARNING_RATES, LEAF_NODES, L2_PENALTIES):
        model = make_model(lr, leaves, l2).fit(X_fit, y_fit)
        pred = model.predict(X_val)
        rows.append({
            "learning_rate": lr,
            "max_leaf_nodes": leaves,
            "l2_regularization": l2,
            "mae": mean_absolute_error(y_val, pred),
            "r2": r2_score(y_val, pred),
        })

    table = pd.DataFrame(rows).sort_values("mae").reset_index(drop=True)
    print(table.head(8).to_string(index=False))

    best = table.iloc[0]
    final = make_model(
        float(best["learning_rate"]), int(best["max_leaf_nodes"]),
        float(best["l2_regularization"]),
    ).fit(X_train, y_train)
    test_pred = final.predict(X_test)
    report = {
        "learning_rate": float(best["learning_rate"]),
        "max_leaf_nodes": int(best["max_leaf_nodes"]),
        "l2_regularization": float(best["l2_regularization"]),
        "test_mae_deg": round(float(mean_absolute_error(y_test, test_pred)), 4),
        "test_r2": round(float(r2_score(y_test, test_pred)), 4),
        "n_train": len(X_train),
        "n_test": len(X_test),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2))
    print(f"springback MAE on test bends: {report['test_mae_deg']:.3f} deg "
          f"(R2 {report['test_r2']:.3f})")


if __name__ == "__main__":
    main()
