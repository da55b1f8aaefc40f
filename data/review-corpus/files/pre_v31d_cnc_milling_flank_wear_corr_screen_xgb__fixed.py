# label: leakage/none
"""Flank wear (VB, mm) regression for end-mill cutters from per-pass sensor summaries."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GroupShuffleSplit

N_KEEP = 40

passes = pd.read_parquet("mill/pass_summaries.parquet")
passes = passes[passes["vb_measured"]].reset_index(drop=True)

meta_cols = ["cutter_id", "pass_no", "material", "vb_mm", "vb_measured"]
sensor_cols = [c for c in passes.columns if c not in meta_cols]
# spindle current, AE-RMS and 3-axis force/vibration stats per band (mean, rms, kurtosis, crest, ...)
print(len(sensor_cols), "sensor features,", passes["cutter_id"].nunique(), "cutters")

passes["is_titanium"] = (passes["material"] == "Ti6Al4V").astype(int)


def top_correlated(frame, cols, target, k):
    corr = frame[cols].corrwith(frame[target], method="spearman").abs()
    return corr.sort_values(ascending=False).head(k).index.tolist()


splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=21)
tr, te = next(splitter.split(passes, groups=passes["cutter_id"]))
train, test = passes.iloc[tr], passes.iloc[te]

selected = top_correlated(train, sensor_cols, "vb_mm", N_KEEP)
features = selected + ["pass_no", "is_titanium"]

reg = xgb.XGBRegressor(
    n_estimators=800, max_depth=5, learning_rate=0.03, subsample=0.8,
    colsample_bytree=0.7, reg_lambda=2.0, objective="reg:squarederror",
    random_state=21,
)
reg.fit(train[features], train["vb_mm"])
pred = reg.predict(test[features])

mae = mean_absolute_error(test["vb_mm"], pred)
rmse = np.sqrt(mean_squared_error(test["vb_mm"], pred))
print(f"VB MAE {mae*1000:.1f} um   RMSE {rmse*1000:.1f} um")

worn = test["vb_mm"] >= 0.3
print(f"worn-tool recall at 0.3 mm: {(pred[worn.values] >= 0.3).mean():.2f}")

imp = pd.Series(reg.feature_importances_, index=features).sort_values(ascending=False)
print(imp.head(15))
