# label: leakage/overlap
"""Detachable-grip condition classifier for a monocable gondola lift.

Each row is one pass of a cabin through the station grip-test bench:
vibration and force features from the bench sensors plus the maintenance
team's grade for that grip ("ok" / "service" / "replace").
"""
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split

DATA_DIR = Path("/data/lift_ops/grip_bench")
GRADES = ["ok", "service", "replace"]


def load_passes() -> pd.DataFrame:
    frames = [pd.read_csv(p, parse_dates=["pass_ts"]) for p in sorted(DATA_DIR.glob("bench_*.csv"))]
    df = pd.concat(frames, ignore_index=True)
    df = df.dropna(subset=["grade"])
    df = df[df["grade"].isin(GRADES)]
    return df


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["crest_factor"] = out["vib_peak_g"] / out["vib_rms_g"].clip(lower=1e-3)
    out["force_margin_kN"] = out["grip_force_kN"] - out["grip_force_nominal_kN"]
    out["force_ratio"] = out["grip_force_kN"] / out["grip_force_nominal_kN"]
    out["spring_temp_delta"] = out["spring_temp_c"] - out["ambient_temp_c"]
    out["hour"] = out["pass_ts"].dt.hour
    out["grade_code"] = out["grade"].map({g: i for i, g in enumerate(GRADES)})
    return out


FEATURES = [
    "vib_rms_g", "vib_peak_g", "vib_kurtosis", "crest_factor",
    "band_energy_0_200", "band_energy_200_1k", "band_energy_1k_5k",
    "grip_force_kN", "force_margin_kN", "force_ratio",
    "spring_temp_c", "spring_temp_delta", "line_speed_ms",
    "cabin_load_kg", "hour",
]

df = engineer(load_passes())
print(f"{len(df):,} passes from {df['cabin_id'].nunique()} cabins")
print(df["grade"].value_counts(normalize=True).round(3))

X = df[FEATURES]
y = df["grade_code"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)

clf = lgb.LGBMClassifier(
    objective="multiclass",
    n_estimators=600,
    learning_rate=0.05,
    num_leaves=31,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    class_weight="balanced",
    random_state=11,
    verbose=-1,
)
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
print(classification_report(y_test, pred, target_names=GRADES, digits=3))
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
print(pd.DataFrame(confusion_matrix(y_test, pred), index=GRADES, columns=GRADES))

imp = pd.Series(clf.booster_.feature_importance("gain"), index=FEATURES)
print((imp / imp.sum()).sort_values(ascending=False).head(10).round(3))

replace_recall = np.mean(pred[y_test.to_numpy() == 2] == 2)
print(f"'replace' grips flagged: {replace_recall:.1%}")
