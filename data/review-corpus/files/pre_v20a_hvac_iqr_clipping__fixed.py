# label: leakage/none
"""Rooftop HVAC units: classify 15-minute controller snapshots into fault classes
(normal, stuck damper, refrigerant low, fouled coil, sensor drift). Evaluated on unseen units."""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupShuffleSplit

SNAPSHOTS = "data/rtu_snapshots.csv"
SENSORS = [
    "supply_air_temp", "return_air_temp", "mixed_air_temp", "outdoor_air_temp",
    "damper_pos_pct", "fan_speed_pct", "suction_pressure_kpa", "discharge_pressure_kpa",
    "compressor_amps", "zone_setpoint", "zone_temp",
]
IQR_K = 3.0


def add_physics(frame):
    out = frame.copy()
    out["delta_t_coil"] = out["mixed_air_temp"] - out["supply_air_temp"]
    out["oa_fraction"] = ((out["mixed_air_temp"] - out["return_air_temp"])
                          / (out["outdoor_air_temp"] - out["return_air_temp"]).replace(0, np.nan))
    out["pressure_ratio"] = out["discharge_pressure_kpa"] / out["suction_pressure_kpa"].clip(lower=1)
    out["zone_error"] = out["zone_temp"] - out["zone_setpoint"]
    out["hour"] = out["timestamp"].dt.hour
    return out


def iqr_bounds(frame, cols, k=IQR_K):
    q1, q3 = frame[cols].quantile(0.25), frame[cols].quantile(0.75)
    spread = q3 - q1
    return q1 - k * spread, q3 + k * spread


def clip_to(frame, cols, bounds):
    out = frame.copy()
    lo, hi = bounds
    out[cols] = out[cols].clip(lower=lo, upper=hi, axis=1)
    return out


raw = pd.read_csv(SNAPSHOTS, parse_dates=["timestamp"])
raw = raw[raw["unit_mode"] != "off"].dropna(subset=["fault_label"])
print(raw["fault_label"].value_counts())

FEATURES = SENSORS + ["delta_t_coil", "oa_fraction", "pressure_ratio", "zone_error", "hour"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=21)
tr, te = next(gss.split(raw, raw["fault_label"], groups=raw["unit_id"]))
bounds = iqr_bounds(raw.iloc[tr], SENSORS)
train = add_physics(clip_to(raw.iloc[tr], SENSORS, bounds))
test = add_physics(clip_to(raw.iloc[te], SENSORS, bounds))
print(f"train units {train['unit_id'].nunique()}, test units {test['unit_id'].nunique()}")

clf = HistGradientBoostingClassifier(
    learning_rate=0.06, max_iter=400, max_leaf_nodes=31,
    l2_regularization=0.5, class_weight="balanced", random_state=0,
)
clf.fit(train[FEATURES], train["fault_label"])
pred = clf.predict(test[FEATURES])

labels = sorted(raw["fault_label"].unique())
print(f"balanced accuracy: {balanced_accuracy_score(test['fault_label'], pred):.3f}")
print(f"macro F1:          {f1_score(test['fault_label'], pred, average='macro'):.3f}")
cm = pd.DataFrame(confusion_matrix(test["fault_label"], pred, labels=labels), index=labels, columns=labels)
print(cm)
