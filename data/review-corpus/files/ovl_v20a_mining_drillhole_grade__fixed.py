# label: leakage/none
"""Copper grade from downhole geophysics and logged lithology, one row per 1 m interval.
Goal: estimate grade down newly drilled holes that are logged but still waiting on the lab."""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

PATHS = {"intervals": "data/drill_intervals.parquet", "collars": "data/collars.csv"}
GEOPHYS = ["mag_susc", "density_gcc", "gamma_k_pct", "gamma_th_ppm", "resistivity_ohm",
           "ip_chargeability", "caliper_mm"]
LITH_CODES = ["PORPH", "ANDES", "BRECC", "DIORT", "SKARN", "FAULT", "OTHER"]
XGB_PARAMS = dict(n_estimators=800, learning_rate=0.03, max_depth=6, subsample=0.8,
                  colsample_bytree=0.8, min_child_weight=3, reg_lambda=1.0,
                  objective="reg:squarederror", tree_method="hist")


def load_intervals():
    iv = pd.read_parquet(PATHS["intervals"])
    collars = pd.read_csv(PATHS["collars"])[["hole_id", "easting", "northing", "rl", "dip", "azimuth"]]
    iv = iv.merge(collars, on="hole_id", how="left")
    iv = iv[iv["cu_pct"].notna() & (iv["recovery_pct"] >= 60)].copy()
    mid = (iv["from_m"] + iv["to_m"]) / 2
    rad = np.deg2rad(iv["dip"].abs())
    iv["depth_m"] = mid * np.sin(rad)
    iv["z"] = iv["rl"] - iv["depth_m"]
    iv["log_cu"] = np.log1p(iv["cu_pct"] * 100)
    return iv


def lith_dummies(frame):
    codes = frame["lith_code"].where(frame["lith_code"].isin(LITH_CODES), "OTHER")
    dummies = pd.get_dummies(pd.Categorical(codes, categories=LITH_CODES), prefix="lith").astype(float)
    dummies.index = frame.index
    return dummies


def design(frame):
    X = frame[GEOPHYS + ["easting", "northing", "z", "depth_m"]].copy()
    X["susc_x_density"] = frame["mag_susc"] * frame["density_gcc"]
    X["k_th_ratio"] = frame["gamma_k_pct"] / frame["gamma_th_ppm"].clip(lower=0.1)
    return pd.concat([X, lith_dummies(frame)], axis=1)


iv = load_intervals()
print(f"{iv['hole_id'].nunique()} holes, {len(iv)} assayed intervals")

X_all, y_all = design(iv), iv["log_cu"]
splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
tr_idx, te_idx = next(splitter.split(X_all, y_all, groups=iv["hole_id"]))
X_train, X_test = X_all.iloc[tr_idx], X_all.iloc[te_idx]
y_train, y_test = y_all.iloc[tr_idx], y_all.iloc[te_idx]

model = xgb.XGBRegressor(**XGB_PARAMS)
model.fit(X_train, y_train, verbose=False)

pred = model.predict(X_test)
cu_true = np.expm1(y_test) / 100
cu_pred = np.expm1(pred) / 100
print(f"R2 (log grade): {r2_score(y_test, pred):.3f}")
print(f"MAE Cu%: {mean_absolute_error(cu_true, cu_pred):.4f}")

imp = pd.Series(model.feature_importances_, index=X_all.columns).sort_values()
fig, axes = plt.subplots(1, 2, figsize=(12, 5))
imp.tail(15).plot.barh(ax=axes[0], title="gain importance")
axes[1].scatter(cu_true, cu_pred, s=4, alpha=0.3)
axes[1].plot([0, cu_true.max()], [0, cu_true.max()], "k--", lw=1)
axes[1].set_xlabel("assay Cu %")
axes[1].set_ylabel("predicted Cu %")
fig.tight_layout()
fig.savefig("grade_model.png", dpi=110)
