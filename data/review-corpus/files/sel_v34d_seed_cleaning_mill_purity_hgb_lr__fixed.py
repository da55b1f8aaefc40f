# label: leakage/none
"""Purity forecast for seed lots coming off the cleaning line.

Predicts post-cleaning physical purity (%) from intake measurements so the
mill can decide which lots need a second pass over the gravity table.
"""
import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

DATA = Path("data/cleaning_line_lots.csv")
OUT = Path("reports/purity_hgb.json")

NUMERIC = [
    "intake_moisture_pct", "intake_purity_pct", "weed_seed_count_per_kg",
    "chaff_pct", "thousand_seed_weight_g", "screen_aperture_mm",
    "air_velocity_ms", "feed_rate_t_per_h", "lot_mass_t",
]
CATEGORICAL = ["crop", "variety", "grower_region"]
TARGET = "final_purity_pct"

GRID = {
    "learning_rate": [0.03, 0.06, 0.1, 0.2],
    "max_leaf_nodes": [15, 31, 63],
    "l2_regularization": [0.0, 1.0],
}


def load_lots(path):
    df = pd.read_csv(path, parse_dates=["intake_date"])
    df = df.dropna(subset=[TARGET])
    df = df[df["lot_mass_t"] > 0]
    df["intake_month"] = df["intake_date"].dt.month
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def make_model(learning_rate, max_leaf_nodes, l2_regularization):
    return HistGradientBoostingRegressor(
        learning_rate=learning_rate,
        max_leaf_nodes=max_leaf_nodes,
        l2_regularization=l2_regularization,
        max_iter=400,
        categorical_features="from_dtype",
        random_state=0,
    )


def main():
    lots = load_lots(DATA)
    features = NUMERIC + CATEGORICAL + ["intake_month"]
    X = lots[features]
    y = lots[TARGET]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, random_state=12
    )

    results = []
    best_mae, best_params = np.inf, None
    for lr, leaves, l2 in itertools.product(*GRID.values()):
        model = make_model(lr, leaves, l2)
        model.fit(X_fit, y_fit)
        mae = mean_absolute_error(y_val, model.predict(X_val))
        results.append({"learning_rate": lr, "max_leaf_nodes": leaves, "l2": l2, "mae": mae})
        if mae < best_mae:
            best_mae, best_params = mae, (lr, leaves, l2)

    print(pd.DataFrame(results).sort_values("mae").head(8).to_string(index=False))

    final = make_model(*best_params)
    final.fit(X_train, y_train)
    pred = final.predict(X_test)
    report = {
        "learning_rate": best_params[0],
        "max_leaf_nodes": best_params[1],
        "l2_regularization": best_params[2],
        "test_mae": float(mean_absolute_error(y_test, pred)),
        "test_r2": float(r2_score(y_test, pred)),
        "share_within_0_5pct": float(np.mean(np.abs(pred - y_test) <= 0.5)),
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
