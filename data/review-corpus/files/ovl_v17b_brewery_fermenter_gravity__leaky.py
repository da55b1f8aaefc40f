# label: leakage/overlap
# twin: ovl_v17b_brewery_fermenter_gravity__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import KFold, cross_validate

CONFIG = {
    "path": "data/fv3_tilt_hydrometer_log.csv",
    "horizon_h": 12,
    "lags": [1, 2, 3, 6, 12, 24],
    "roll_windows": [6, 24],
    "n_splits": 5,
}
YEAST_CODES = {"US-05": 0, "WLP001": 0, "S-04": 1, "WLP002": 1, "W-34/70": 2, "Kveik-Voss": 3}


def build_frame(cfg):
    log = pd.read_csv(cfg["path"], parse_dates=["reading_time"])
    log = log.sort_values(["batch_id", "reading_time"])
    log = log[log["gravity"].between(0.990, 1.120)]
    hourly = (
        log.set_index("reading_time")
        .groupby("batch_id")[["gravity", "wort_temp_c", "ambient_temp_c"]]
        .resample("1h")
        .mean()
        .groupby(level="batch_id")
        .ffill()
        .reset_index()
    )
    meta = log.groupby("batch_id")[["yeast", "original_gravity", "pitch_time"]].first()
    hourly = hourly.merge(meta, left_on="batch_id", right_index=True)
    hourly["pitch_time"] = pd.to_datetime(hourly["pitch_time"])
    hourly["hours_since_pitch"] = (hourly["reading_time"] - hourly["pitch_time"]).dt.total_seconds() / 3600
    hourly["yeast_family"] = hourly["yeast"].map(YEAST_CODES).fillna(4)
    hourly["apparent_att"] = (hourly["original_gravity"] - hourly["gravity"]) / (hourly["original_gravity"] - 1)

    g = hourly.groupby("batch_id")["gravity"]
    for k in cfg["lags"]:
        hourly[f"grav_lag_{k}"] = g.shift(k)
        hourly[f"grav_diff_{k}"] = hourly["gravity"] - hourly[f"grav_lag_{k}"]
    for w in cfg["roll_windows"]:
        hourly[f"temp_roll_{w}"] = hourly.groupby("batch_id")["wort_temp_c"].transform(
            lambda s: s.rolling(w, min_periods=1).mean()
        )
    hourly["target"] = g.shift(-cfg["horizon_h"])
    return hourly.dropna().sort_values("reading_time").reset_index(drop=True)


frame = build_frame(CONFIG)
feature_cols = [c for c in frame.columns if c.startswith(("grav_", "temp_roll_"))] + [
    "gravity", "wort_temp_c", "ambient_temp_c", "hours_since_pitch",
    "yeast_family", "original_gravity", "apparent_att",
]
X, y = frame[feature_cols], frame["target"]
print(f"{len(frame)} hourly rows, {frame['batch_id'].nunique()} batches, {len(feature_cols)} features")

model = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05, max_leaf_nodes=31, random_state=1)
cv = KFold(n_splits=CONFIG["n_splits"], shuffle=True, random_state=1)
scores = cross_validate(
    model, X, y, cv=cv,
    scoring=["neg_mean_absolute_error", "r2"],
    return_train_score=False,
)
mae_points = -scores["test_neg_mean_absolute_error"] * 1000
print("fold MAE (gravity points):", np.round(mae_points, 3))
print(f"mean MAE: {mae_points.mean():.3f} +/- {mae_points.std():.3f} points")
print(f"mean R2:  {scores['test_r2'].mean():.4f}")

persistence = (frame["gravity"] - frame["target"]).abs().mean() * 1000
print(f"persistence baseline MAE: {persistence:.3f} points")
