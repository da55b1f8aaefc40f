# label: leakage/overlap
# twin: ovl_v17a_horse_gait_strides__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Detect hind-limb lameness from per-stride IMU features recorded on trotting horses.

Each horse is trotted on a straight line several times; every detected stride becomes one row.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

STRIDE_FILE = "data/gait_strides.csv"
FEATURES = [
    "poll_vertical_asym_mm", "pelvis_min_diff_mm", "pelvis_max_diff_mm",
    "withers_asym_mm", "stride_duration_s", "stance_ratio",
    "hind_push_off_peak_g", "fore_landing_peak_g", "speed_m_s",
]
TARGET = "lame_hind"


def clean(strides: pd.DataFrame) -> pd.DataFrame:
    strides = strides.dropna(subset=FEATURES + [TARGET])
    strides = strides[strides["speed_m_s"].between(2.0, 5.5)]
    strides = strides[strides["stride_duration_s"].between(0.5, 1.1)]
    strides = strides[strides["surface"].isin(["hard", "soft"])]
    return strides.assign(
        surface_hard=(strides["surface"] == "hard").astype(int),
        on_circle=(strides["track"] == "circle").astype(int),
    )


strides = clean(pd.read_csv(STRIDE_FILE))
print(f"{len(strides)} strides from {strides['horse_id'].nunique()} horses")
print(strides.groupby(TARGET)["horse_id"].nunique())

cols = FEATURES + ["surface_hard", "on_circle"]
X = strides[cols]
y = strides[TARGET]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21
)

clf = xgb.XGBClassifier(
    n_estimators=350,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.8,
    colsample_bytree=0.8,
    eval_metric="logloss",
    random_state=21,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"stride-level ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, pred, target_names=["sound", "lame"]))

booster = clf.get_booster()
gain = booster.get_score(importance_type="gain")
for name, value in sorted(gain.items(), key=lambda kv: -kv[1])[:5]:
    print(f"{name:24s} {value:8.2f}")
