# label: leakage/none
"""Estimate hull repair cost from out-of-water surveys of residential houseboats."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder

NUMERIC = [
    "length_m",
    "beam_m",
    "hull_age_years",
    "years_since_blacking",
    "min_plate_mm",
    "mean_plate_mm",
    "pitting_count",
    "anode_wear_pct",
    "months_since_last_lift",
]
CATEGORICAL = ["hull_material", "builder", "mooring_type", "water_body", "blacking_product"]
TARGET = "repair_cost_gbp"


def read_surveys(folder):
    frames = [pd.read_csv(p) for p in sorted(Path(folder).glob("surveys_*.csv"))]
    df = pd.concat(frames, ignore_index=True)
    df = df.sort_values("survey_date").drop_duplicates("hull_id", keep="last")
    df["plate_loss_mm"] = df["orig_plate_mm"] - df["min_plate_mm"]
    return df[df[TARGET] >= 0]


def make_preprocessor():
    num = SimpleImputer(strategy="median")
    cat = make_pipeline(
        SimpleImputer(strategy="constant", fill_value="unknown"),
        OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=10, sparse_output=False),
    )
    return ColumnTransformer([("num", num, NUMERIC + ["plate_loss_mm"]), ("cat", cat, CATEGORICAL)])


def main():
    df = read_surveys("surveys")
    X = df[NUMERIC + ["plate_loss_mm"] + CATEGORICAL]
    y = np.log1p(df[TARGET].to_numpy())

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=8)
    pre = make_preprocessor()
    X_train = pre.fit_transform(X_train)
    X_test = pre.transform(X_test)

    model = HistGradientBoostingRegressor(
        max_iter=600, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0, random_state=8
    )
    model.fit(X_train, y_train)

    cost_pred = np.expm1(model.predict(X_test))
    cost_true = np.expm1(y_test)
    report = {
        "n_train": int(len(y_train)),
        "n_test": int(len(y_test)),
        "mae_gbp": round(float(mean_absolute_error(cost_true, cost_pred)), 1),
        "median_ae_gbp": round(float(median_absolute_error(cost_true, cost_pred)), 1),
        "within_20pct": round(float(np.mean(np.abs(cost_pred - cost_true) <= 0.2 * cost_true)), 3),
    }
    print(json.dumps(report, indent=2))
    Path("reports").mkdir(exist_ok=True)
    Path("reports/hull_cost_model.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
