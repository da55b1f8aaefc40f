# label: leakage/none
"""Estimate in-service failure risk of retreaded truck tyres from casing inspection records."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

cycles = pd.read_csv("retread_cycles.csv", parse_dates=["inspected_on", "casing_dot_date"])
fleets = pd.read_csv("fleet_accounts.csv")

cycles = cycles.merge(fleets[["fleet_id", "application", "pressure_program"]], on="fleet_id", how="left")
cycles = cycles[cycles["inspection_result"] == "accepted"].copy()
cycles["casing_age_months"] = (
    (cycles["inspected_on"] - cycles["casing_dot_date"]).dt.days / 30.44
).round(1)
cycles["tread_removed_mm"] = cycles["tread_depth_new_mm"] - cycles["tread_depth_at_removal_mm"]
cycles["cuts_per_100mm"] = cycles["sidewall_cuts"] / cycles["section_width_mm"] * 100
cycles["failed_12m"] = cycles["failed_within_12m"].astype(int)

CATEGORICAL = ["casing_brand", "tyre_size", "application", "pressure_program", "cure_process", "tread_pattern"]
NUMERIC = [
    "casing_age_months", "retread_number", "tread_depth_at_removal_mm", "tread_removed_mm",
    "sidewall_cuts", "cuts_per_100mm", "repairs_count", "shearography_flags",
    "avg_inflation_compliance", "km_on_last_tread",
]
for col in CATEGORICAL:
    cycles[col] = cycles[col].astype("category")

X = cycles[CATEGORICAL + NUMERIC]
y = cycles["failed_12m"].to_numpy()
groups = cycles["casing_serial"].to_numpy()

params = dict(
    n_estimators=600, learning_rate=0.04, max_depth=5, subsample=0.8,
    colsample_bytree=0.8, min_child_weight=3, tree_method="hist",
    enable_categorical=True, eval_metric="aucpr",
)

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=21)
oof = np.zeros(len(y))
fold_auc = []
for fold, (tr_idx, va_idx) in enumerate(cv.split(X, y, groups=groups)):
    y_tr = y[tr_idx]
    model = xgb.XGBClassifier(**params, scale_pos_weight=(y_tr == 0).sum() / max((y_tr == 1).sum(), 1))
    model.fit(X.iloc[tr_idx], y_tr, verbose=False)
    oof[va_idx] = model.predict_proba(X.iloc[va_idx])[:, 1]
    fold_auc.append(roc_auc_score(y[va_idx], oof[va_idx]))
    print(f"fold {fold}: AUC={fold_auc[-1]:.4f}")

print(f"\nmean fold AUC: {np.mean(fold_auc):.4f} +/- {np.std(fold_auc):.4f}")
print(f"OOF AUC: {roc_auc_score(y, oof):.4f}   OOF AP: {average_precision_score(y, oof):.4f}")

cycles["risk"] = oof
by_retread = cycles.groupby("retread_number").agg(
    n=("failed_12m", "size"), failure_rate=("failed_12m", "mean"), mean_risk=("risk", "mean")
)
print(by_retread.round(3))
