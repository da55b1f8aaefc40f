# label: leakage/none
"""Dry biomass yield of short-rotation willow coppice plots at their first harvest after establishment."""
import itertools

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

DATA_PATH = "data/willow_src_harvests.csv"
CAT_COLS = ["farm", "clone", "soil_series", "establishment_method"]
NUM_COLS = [
    "planting_density_per_ha",
    "rotation_days",
    "mean_growing_temp_c",
    "rotation_rainfall_mm",
    "soil_ph",
    "soil_available_water_mm",
    "n_applied_kg_ha",
    "weed_cover_pct_y1",
    "cutting_length_cm",
]
TARGET = "dry_yield_odt_per_ha"


def load_harvests(path):
    df = pd.read_csv(path, parse_dates=["cutback_on"])
    df = df.dropna(subset=[TARGET])
    df = df[df["rotation_days"].between(700, 1300)]
    df["cutback_month"] = df["cutback_on"].dt.month
    # thermal time above the 5 C base temperature for willow
    df["growing_degree_days"] = (df["mean_growing_temp_c"] - 5.0).clip(lower=0) * df["rotation_days"]
    for col in CAT_COLS:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def make_model(depth, l2_leaf_reg, learning_rate):
    return CatBoostRegressor(
        depth=depth,
        l2_leaf_reg=l2_leaf_reg,
        learning_rate=learning_rate,
        iterations=800,
        loss_function="RMSE",
        random_seed=11,
        verbose=False,
    )


def main():
    df = load_harvests(DATA_PATH)
    features = CAT_COLS + NUM_COLS + ["cutback_month", "growing_degree_days"]
    X, y = df[features], df[TARGET]
    print(f"{len(df)} harvested plots from {df['farm'].nunique()} farms")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=11)
    fit_pool = Pool(X_fit, y_fit, cat_features=CAT_COLS)
    val_pool = Pool(X_val, y_val, cat_features=CAT_COLS)

    grid = {
        "depth": [4, 6, 8],
        "l2_leaf_reg": [1, 3, 10],
        "learning_rate": [0.03, 0.08],
    }
    rows = []
    for depth, l2, lr in itertools.product(grid["depth"], grid["l2_leaf_reg"], grid["learning_rate"]):
        model = make_model(depth, l2, lr)
        model.fit(fit_pool)
        pred = model.predict(val_pool)
        rows.append({
            "depth": depth,
            "l2_leaf_reg": l2,
            "learning_rate": lr,
            "rmse": rmse(y_val, pred),
            "mae": mean_absolute_error(y_val, pred),
        })
        print(f"depth={depth} l2={l2} lr={lr}: rmse={rows[-1]['rmse']:.3f}")

    results = pd.DataFrame(rows).sort_values("rmse").reset_index(drop=True)
    best = results.iloc[0]
    print("\nTop configurations:")
    print(results.head(5).to_string(index=False))

    print(
        f"\nSelected depth={int(best['depth'])}, l2_leaf_reg={best['l2_leaf_reg']}, "
        f"learning_rate={best['learning_rate']}"
    )
    final = make_model(int(best["depth"]), best["l2_leaf_reg"], best["learning_rate"])
    final.fit(Pool(X_train, y_train, cat_features=CAT_COLS))
    test_pred = final.predict(Pool(X_test, y_test, cat_features=CAT_COLS))
    print(f"Test RMSE: {rmse(y_test, test_pred):.3f} odt/ha   MAE: {mean_absolute_error(y_test, test_pred):.3f} odt/ha")
    print(f"Mean yield on test plots: {y_test.mean():.3f} odt/ha")


if __name__ == "__main__":
    main()
