# label: leakage/none
"""Flange wear rate model for the metro fleet.

Every wheelset passes the underfloor measuring station roughly every two
weeks. Each reading is paired with the wear observed at the next pass, and the
model is meant to help plan reprofiling for wheelsets coming off overhaul.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

READINGS = "wheel_station/readings_2019_2024.csv"
ASSETS = "wheel_station/wheelset_register.csv"

CATEGORICAL = ["line", "bogie_type", "axle_position", "wheel_supplier", "steel_grade"]
NUMERIC = [
    "flange_thickness_mm",
    "flange_height_mm",
    "qr_dimension_mm",
    "wheel_diameter_mm",
    "km_since_reprofile",
    "curve_share",
    "gradient_share",
    "flange_lubricator_on",
    "mean_axle_load_t",
    "ambient_temp_c",
]
TARGET = "wear_mm_per_10k_km"


def load_readings():
    readings = pd.read_csv(READINGS, parse_dates=["pass_time"])
    assets = pd.read_csv(ASSETS)
    df = readings.merge(assets, on="wheelset_id", how="left")
    df = df.sort_values(["wheelset_id", "wheel_side", "pass_time"])

    grp = df.groupby(["wheelset_id", "wheel_side"])
    next_thickness = grp["flange_thickness_mm"].shift(-1)
    next_km = grp["odometer_km"].shift(-1)
    reprofiled = grp["reprofile_count"].shift(-1) != df["reprofile_count"]

    df["km_to_next_pass"] = next_km - df["odometer_km"]
    df[TARGET] = 1e4 * (df["flange_thickness_mm"] - next_thickness) / df["km_to_next_pass"]
    df = df[~reprofiled & df[TARGET].notna() & (df["km_to_next_pass"] > 200)]
    return df[df[TARGET].between(-0.05, 1.5)]


def build_pipeline():
    prep = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
        remainder="passthrough",
    )
    model = HistGradientBoostingRegressor(
        max_iter=700,
        learning_rate=0.05,
        max_leaf_nodes=31,
        min_samples_leaf=30,
        l2_regularization=0.5,
        categorical_features=list(range(len(CATEGORICAL))),
        random_state=5,
    )
    return Pipeline([("prep", prep), ("model", model)])


def main():
    df = load_readings()
    print(f"{len(df):,} readings from {df['wheelset_id'].nunique():,} wheelsets")

    X = df[CATEGORICAL + NUMERIC]
    y = df[TARGET]
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
    train_idx, test_idx = next(splitter.split(X, y, groups=df["wheelset_id"]))
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

    pipe = build_pipeline()
    pipe.fit(X_train, y_train)
    pred = pipe.predict(X_test)

    print(f"MAE  {mean_absolute_error(y_test, pred):.4f} mm / 10k km")
    print(f"R2   {r2_score(y_test, pred):.3f}")

    by_line = (
        pd.DataFrame({"line": X_test["line"], "abs_err": np.abs(pred - y_test)})
        .groupby("line")["abs_err"]
        .agg(["mean", "count"])
        .round(4)
    )
    print(by_line)


if __name__ == "__main__":
    main()
