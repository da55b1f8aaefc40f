# label: leakage/overlap
"""Forecast discharge capacity 100 cycles ahead for 18650 cells on the ageing rig."""
import glob

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

HORIZON = 100
PARAMS = {
    "objective": "regression_l1",
    "learning_rate": 0.03,
    "num_leaves": 63,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "verbose": -1,
}


def read_cycler_exports(pattern="data/cycler/*.parquet"):
    frames = [pl.read_parquet(f) for f in sorted(glob.glob(pattern))]
    cycles = pl.concat(frames, how="diagonal_relaxed")
    protocols = pl.read_csv("data/cell_protocols.csv")   # cell_id, charge_c_rate, chamber_temp_c, chemistry
    return cycles.join(protocols, on="cell_id", how="left")


def add_features(cycles: pl.DataFrame) -> pl.DataFrame:
    cycles = cycles.sort(["cell_id", "cycle"])
    by_cell = "cell_id"
    return cycles.with_columns(
        (pl.col("discharge_ah") / pl.col("discharge_ah").first().over(by_cell)).alias("soh"),
        pl.col("discharge_ah").rolling_mean(20).over(by_cell).alias("cap_mean_20"),
        (pl.col("discharge_ah") - pl.col("discharge_ah").shift(50).over(by_cell)).alias("cap_delta_50"),
        pl.col("ir_mohm").rolling_mean(20).over(by_cell).alias("ir_mean_20"),
        (pl.col("ir_mohm") - pl.col("ir_mohm").shift(50).over(by_cell)).alias("ir_delta_50"),
        pl.col("max_temp_c").rolling_max(20).over(by_cell).alias("temp_max_20"),
        pl.col("charge_time_s").rolling_mean(20).over(by_cell).alias("charge_time_mean_20"),
        pl.col("discharge_ah").shift(-HORIZON).over(by_cell).alias("target_ah"),
    )


FEATURES = [
    "cycle", "discharge_ah", "soh", "cap_mean_20", "cap_delta_50", "ir_mohm", "ir_mean_20",
    "ir_delta_50", "temp_max_20", "charge_time_mean_20", "charge_c_rate", "chamber_temp_c",
]

cycles = add_features(read_cycler_exports())
data = cycles.drop_nulls(subset=FEATURES + ["target_ah"])
print(data.select(pl.len(), pl.col("cell_id").n_unique()))

X = data.select(FEATURES).to_numpy()
y = data["target_ah"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=11)

booster = lgb.train(
    PARAMS,
    lgb.Dataset(X_train, y_train, feature_name=FEATURES),
    num_boost_round=1500,
)

pred = booster.predict(X_test)
print(f"MAE {mean_absolute_error(y_test, pred) * 1000:.1f} mAh")
print(f"R2  {r2_score(y_test, pred):.4f}")
print(f"median abs % error {np.median(np.abs(pred - y_test) / y_test) * 100:.2f}%")

importance = sorted(zip(FEATURES, booster.feature_importance("gain")), key=lambda t: -t[1])
for name, gain in importance:
    print(f"{name:>22} {gain:12.1f}")
booster.save_model("capacity_fade_lgbm.txt")
