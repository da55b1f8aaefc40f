# label: leakage/none
# Capper station on line 3: flag bottles whose torque trace looks off.
# Model is trained on good bottles only; the QA seal-integrity audit gives labels.
import numpy as np
import polars as pl
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import OneClassSVM

traces = pl.read_parquet("data/capper_l3/torque_trace_features.parquet")
audit = pl.read_parquet("data/capper_l3/seal_audit.parquet")

df = (
    traces.join(audit.select(["bottle_id", "seal_fail"]), on="bottle_id", how="inner")
    .with_columns(
        (pl.col("peak_torque_nm") / pl.col("target_torque_nm")).alias("torque_ratio"),
        (pl.col("angle_at_peak_deg") - pl.col("angle_at_seat_deg")).alias("overrun_deg"),
        pl.col("produced_at").dt.date().alias("prod_date"),
    )
    .drop_nulls()
)

features = [
    "torque_ratio", "overrun_deg", "seat_time_ms", "peak_torque_nm",
    "slip_events", "spindle_current_a", "cap_feed_jam_ms", "head_temp_c",
]

cutoff = pl.date(2024, 3, 1)
val_start = pl.date(2024, 2, 1)
train = df.filter(pl.col("prod_date") < cutoff)
test = df.filter(pl.col("prod_date") >= cutoff)
# last month of the training period is kept aside for tuning
fit_part = train.filter(pl.col("prod_date") < val_start)
val_part = train.filter(pl.col("prod_date") >= val_start)

X_normal = train.filter(pl.col("seal_fail") == 0).select(features).to_numpy()
X_fit_normal = fit_part.filter(pl.col("seal_fail") == 0).select(features).to_numpy()
X_val = val_part.select(features).to_numpy()
y_val = val_part["seal_fail"].to_numpy()
X_test = test.select(features).to_numpy()
y_test = test["seal_fail"].to_numpy()
print(f"good bottles for fitting: {len(X_normal)}, test bottles: {len(X_test)} ({y_test.mean():.2%} fail)")


def fit_detector(X, nu, gamma):
    det = make_pipeline(StandardScaler(), OneClassSVM(kernel="rbf", nu=nu, gamma=gamma))
    return det.fit(X)


def flags(det, X):
    # OneClassSVM returns -1 for outliers
    return (det.predict(X) == -1).astype(int)


grid = []
for nu in [0.005, 0.01, 0.02, 0.05, 0.1]:
    for gamma in ["scale", 0.01, 0.05, 0.1, 0.5]:
        det = fit_detector(X_fit_normal, nu, gamma)
        f1 = f1_score(y_val, flags(det, X_val))
        grid.append((f1, nu, gamma))
        print(f"nu={nu:<6} gamma={str(gamma):<6} F1={f1:.3f}")

grid.sort(key=lambda r: r[0], reverse=True)
_, best_nu, best_gamma = grid[0]
print(f"selected nu={best_nu}, gamma={best_gamma}")

detector = fit_detector(X_normal, best_nu, best_gamma)
pred = flags(detector, X_test)
print(f"precision: {precision_score(y_test, pred):.3f}")
print(f"recall:    {recall_score(y_test, pred):.3f}")
print(f"F1:        {f1_score(y_test, pred):.3f}")

# share of flagged bottles per shift, for the line supervisor
report = test.with_columns(pl.Series("flagged", pred)).group_by("shift").agg(
    pl.col("flagged").mean().alias("flag_rate"),
    pl.col("seal_fail").mean().alias("fail_rate"),
    pl.len().alias("bottles"),
)
print(report.sort("shift"))
