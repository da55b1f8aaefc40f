# label: leakage/none
"""Box compression strength (BCT) model for the corrugated converting plant.

Predicts the top-to-bottom crush load of a finished RSC box from board
specification, box dimensions and conditioning, so that the design desk can
down-gauge board grades without running a physical BCT on every new style.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

DATA_PATH = "data/bct_lab_results_2021_2024.csv"
CAT_COLS = ["board_grade", "flute", "mill", "print_process", "closure"]
NUM_COLS = [
    "liner_gsm", "medium_gsm", "ect_kn_m", "caliper_mm", "length_mm",
    "width_mm", "depth_mm", "conditioning_rh_pct", "print_coverage_pct",
    "handhole_area_cm2", "vent_count",
]
TARGET = "bct_kgf"


def load_tests(path):
    df = pd.read_csv(path, parse_dates=["test_date"])
    df = df[df["test_valid"] == 1]
    df = df.dropna(subset=[TARGET, "ect_kn_m", "caliper_mm"])
    for c in CAT_COLS:
        df[c] = df[c].fillna("none").astype(str)
    # each box style is crushed 5-10 times; keep one row per style
    agg = {c: "first" for c in CAT_COLS + NUM_COLS}
    agg[TARGET] = "mean"
    return df.groupby("style_id", as_index=False).agg(agg)


def add_geometry(df):
    out = df.copy()
    out["perimeter_mm"] = 2 * (out["length_mm"] + out["width_mm"])
    out["aspect_ratio"] = out["length_mm"] / out["width_mm"]
    out["basis_weight_gsm"] = out["liner_gsm"] * 2 + out["medium_gsm"] * 1.45
    # simplified McKee estimate from board ECT and box perimeter
    out["mckee_kgf"] = (
        5.87 * out["ect_kn_m"] * np.sqrt(out["caliper_mm"] * out["perimeter_mm"]) / 9.81
    )
    return out


def main():
    df = add_geometry(load_tests(DATA_PATH))
    features = CAT_COLS + NUM_COLS + [
        "perimeter_mm", "aspect_ratio", "basis_weight_gsm", "mckee_kgf"
    ]
    X, y = df[features], df[TARGET]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, random_state=11
    )

    train_pool = Pool(X_fit, y_fit, cat_features=CAT_COLS)
    val_pool = Pool(X_val, y_val, cat_features=CAT_COLS)
    test_pool = Pool(X_test, y_test, cat_features=CAT_COLS)

    model = CatBoostRegressor(
        iterations=5000,
        learning_rate=0.03,
        depth=6,
        l2_leaf_reg=5,
        loss_function="RMSE",
        random_seed=11,
        verbose=500,
    )
    model.fit(
        train_pool,
        eval_set=val_pool,
        early_stopping_rounds=200,
        use_best_model=True,
    )
    print(f"best iteration: {model.get_best_iteration()}")

    pred = model.predict(test_pool)
    rmse = mean_squared_error(y_test, pred) ** 0.5
    mae = mean_absolute_error(y_test, pred)
    print(f"test RMSE: {rmse:.1f} kgf")
    print(f"test MAE:  {mae:.1f} kgf")
    print(f"test R2:   {r2_score(y_test, pred):.3f}")

    mckee_mae = mean_absolute_error(y_test, X_test["mckee_kgf"])
    print(f"McKee formula MAE on same boxes: {mckee_mae:.1f} kgf")

    importances = pd.Series(
        model.get_feature_importance(train_pool), index=features
    ).sort_values(ascending=False)
    print(importances.head(10).round(2).to_string())

    model.save_model("models/bct_catboost.cbm")


if __name__ == "__main__":
    main()
