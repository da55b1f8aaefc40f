# label: leakage/none
"""Detect blade icing on wind turbines from 10-minute SCADA summaries using a linear classifier."""
import numpy as np
import pandas as pd
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

scada = pd.read_parquet("scada_10min.parquet")
events = pd.read_csv("icing_events.csv", parse_dates=["start", "end"])

scada["timestamp"] = pd.to_datetime(scada["timestamp"])
scada = scada[(scada["availability"] > 0.9) & scada["wind_speed"].between(3, 25)].copy()

# mark intervals covered by a logged icing event on that turbine
scada["iced"] = 0
for ev in events.itertuples():
    mask = (scada["turbine_id"] == ev.turbine_id) & scada["timestamp"].between(ev.start, ev.end)
    scada.loc[mask, "iced"] = 1

# expected power from the manufacturer curve, binned by wind speed
curve = pd.read_csv("power_curve.csv")
scada["expected_kw"] = np.interp(scada["wind_speed"], curve["wind_ms"], curve["power_kw"])
scada["power_deficit"] = (scada["expected_kw"] - scada["active_power"]) / scada["expected_kw"].clip(lower=50)
scada["pitch_minus_ref"] = scada["pitch_angle"] - np.interp(scada["wind_speed"], curve["wind_ms"], curve["pitch_deg"])
scada["below_zero"] = (scada["ambient_temp"] < 0).astype(float)

cols = ["wind_speed", "active_power", "power_deficit", "pitch_minus_ref", "rotor_rpm",
        "ambient_temp", "nacelle_temp", "humidity", "below_zero", "yaw_error"]
X = scada[cols].to_numpy(dtype=float)
y = scada["iced"].to_numpy()

# first winters for training, latest winter for testing
is_test = (scada["timestamp"] >= "2023-10-01").to_numpy()
X_train, y_train = X[~is_test], y[~is_test]
X_test, y_test = X[is_test], y[is_test]
print("train/test rows:", len(y_train), len(y_test), "icing rate:", y_train.mean().round(4))

# robust scaling: median / IQR per column from training rows, missing values set to the median
med = np.nanmedian(X_train, axis=0)
iqr = np.nanpercentile(X_train, 75, axis=0) - np.nanpercentile(X_train, 25, axis=0)
iqr[iqr == 0] = 1.0
X_train = np.clip((np.where(np.isnan(X_train), med, X_train) - med) / iqr, -8, 8)
X_test = np.clip((np.where(np.isnan(X_test), med, X_test) - med) / iqr, -8, 8)

clf = SGDClassifier(loss="log_loss", alpha=1e-4, class_weight="balanced",
                    max_iter=50, tol=1e-4, random_state=0)
clf.fit(X_train, y_train)
score = clf.decision_function(X_test)
pred = (score > 0).astype(int)
print(f"ROC AUC : {roc_auc_score(y_test, score):.4f}")
print(f"PR AUC  : {average_precision_score(y_test, score):.4f}")
print(f"F1      : {f1_score(y_test, pred):.4f}")
for name, w in sorted(zip(cols, clf.coef_.ravel()), key=lambda t: -abs(t[1]))[:5]:
    print(f"  {name:<16}{w:+.3f}")
