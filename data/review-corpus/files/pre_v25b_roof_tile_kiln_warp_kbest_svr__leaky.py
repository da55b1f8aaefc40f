# label: leakage/preprocessing
"""Predict warp (mm) of fired clay roof tiles from kiln-car thermocouple and clay-batch readings."""
import numpy as np
import polars as pl
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

cars = pl.read_csv("kiln_car_profiles.csv")
clay = pl.read_csv("clay_batch_lab.csv")
warp = pl.read_csv("tile_warp_qc.csv")

# warp is measured on a sample of tiles per kiln car; average per car
target = warp.group_by("car_id").agg(pl.col("warp_mm").mean().alias("warp_mm"))

df = (cars.join(clay, on="batch_id", how="left")
          .join(target, on="car_id", how="inner")
          .filter(pl.col("warp_mm").is_not_null()))

df = df.with_columns([
    (pl.col("peak_temp_c") - pl.col("setpoint_c")).alias("peak_overshoot"),
    (pl.col("tc_top_max") - pl.col("tc_bottom_max")).alias("top_bottom_spread"),
    (pl.col("cooling_rate_c_h") * pl.col("load_density")).alias("cool_x_load"),
    (pl.col("moisture_pct") / pl.col("plasticity_index")).alias("moist_per_pi"),
])

exclude = {"car_id", "batch_id", "kiln_id", "fired_on", "warp_mm"}
feat_cols = [c for c in df.columns if c not in exclude and df[c].dtype.is_numeric()]
# cars with a failed thermocouple channel are not usable
df = df.drop_nulls(subset=feat_cols)
X = df.select(feat_cols).to_numpy().astype(float)
y = df["warp_mm"].to_numpy()
batches = df["batch_id"].to_numpy()
print(f"{X.shape[0]} kiln cars, {X.shape[1]} candidate readings")

# keep the readings most related to warp
selector = SelectKBest(f_regression, k=15).fit(X, y)
X_sel = selector.transform(X)
kept = [feat_cols[i] for i in np.flatnonzero(selector.get_support())]
print("kept:", ", ".join(kept))

model = make_pipeline(StandardScaler(), SVR(C=3.0, epsilon=0.05, gamma="scale"))
cv = GroupKFold(n_splits=5)
scores = cross_validate(model, X_sel, y, cv=cv, groups=batches,
                        scoring=("neg_mean_absolute_error", "r2"))

mae = -scores["test_neg_mean_absolute_error"]
print(f"CV MAE: {mae.mean():.3f} +/- {mae.std():.3f} mm")
print(f"CV R2:  {scores['test_r2'].mean():.3f}")
