# label: leakage/none
"""Turnaround time (working hours) for prescription lens jobs at the glazing lab.

Quoted back to the branch when the order is entered.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import TargetEncoder

JOBS = "lab_exports/lens_jobs_2023_2024.csv"
TARGET = "turnaround_hours"

HIGH_CARD = ["frame_model", "branch_code", "lens_design_code"]
NUMERIC = [
    "sphere_right", "sphere_left", "cyl_right", "cyl_left", "add_power",
    "prism_dioptres", "lens_index", "is_varifocal", "is_tinted",
    "has_ar_coating", "is_rimless", "is_remote_branch",
    "order_hour", "order_weekday", "jobs_in_queue_at_entry",
]


def add_order_fields(jobs):
    jobs = jobs.copy()
    jobs["order_hour"] = jobs["ordered_at"].dt.hour
    jobs["order_weekday"] = jobs["ordered_at"].dt.weekday
    jobs["is_varifocal"] = (jobs["lens_type"] == "progressive").astype(int)
    jobs["is_tinted"] = jobs["tint"].notna().astype(int)
    jobs["has_ar_coating"] = jobs["coating"].str.contains("AR", na=False).astype(int)
    jobs["is_rimless"] = (jobs["frame_type"] == "rimless").astype(int)
    for eye in ("right", "left"):
        jobs[f"cyl_{eye}"] = jobs[f"cyl_{eye}"].abs()
    jobs["prism_dioptres"] = jobs["prism_dioptres"].fillna(0)
    jobs["add_power"] = jobs["add_power"].fillna(0)
    return jobs


def evaluate(y_true, y_pred, label):
    mae = mean_absolute_error(y_true, y_pred)
    medae = median_absolute_error(y_true, y_pred)
    within_24 = np.mean(np.abs(y_true - y_pred) <= 24)
    print(f"{label:>12}: MAE {mae:6.1f} h | median AE {medae:6.1f} h | within 24 h {within_24:.1%}")


jobs = pd.read_csv(JOBS, parse_dates=["ordered_at", "dispatched_at"])
jobs = jobs[jobs["status"] == "dispatched"]
jobs = add_order_fields(jobs)
jobs = jobs.dropna(subset=NUMERIC + HIGH_CARD + [TARGET])
jobs = jobs[jobs[TARGET].between(1, 24 * 20)]

X_train, X_test, y_train, y_test = train_test_split(
    jobs[NUMERIC + HIGH_CARD], jobs[TARGET], test_size=0.2, random_state=5
)

# frame model and lens design have thousands of levels; encode by mean turnaround
encoder = TargetEncoder(target_type="continuous", smooth="auto", cv=5, random_state=5)
enc_cols = [f"{c}_te" for c in HIGH_CARD]
X_train[enc_cols] = encoder.fit_transform(X_train[HIGH_CARD], y_train)
X_test[enc_cols] = encoder.transform(X_test[HIGH_CARD])

feature_cols = NUMERIC + enc_cols
X_train, X_test = X_train[feature_cols], X_test[feature_cols]

model = HistGradientBoostingRegressor(
    loss="absolute_error",
    max_iter=800,
    learning_rate=0.05,
    max_leaf_nodes=48,
    min_samples_leaf=40,
    random_state=5,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

evaluate(y_test.to_numpy(), np.full(len(y_test), y_train.median()), "median only")
evaluate(y_test.to_numpy(), pred, "HGB")

by_type = pd.DataFrame({
    "varifocal": X_test["is_varifocal"].to_numpy(),
    "abs_err": np.abs(y_test.to_numpy() - pred),
}).groupby("varifocal")["abs_err"].describe()
print(by_type.round(1))
