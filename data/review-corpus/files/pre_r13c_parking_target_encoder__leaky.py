# label: leakage/preprocessing
# twin: pre_r13c_parking_target_encoder__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
import category_encoders as ce
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, roc_auc_score

# hourly snapshots: timestamp, lot_id, zone, capacity, occupied, temp_c,
#                   is_holiday, event_nearby
occ = pd.read_csv("parking_occupancy.csv", parse_dates=["timestamp"]).sort_values("timestamp")
occ["hour"] = occ["timestamp"].dt.hour
occ["weekday"] = occ["timestamp"].dt.weekday
occ["full"] = (occ["occupied"] / occ["capacity"] >= 0.9).astype(int)

X = occ[["lot_id", "zone", "capacity", "hour", "weekday", "is_holiday", "temp_c", "event_nearby"]]
X = X.astype({"lot_id": str, "zone": str})
y = occ["full"]

enc = ce.TargetEncoder(cols=["lot_id", "zone"], smoothing=10)
X = enc.fit_transform(X, y)

# train on the first 80% of the period, test on the last 20%
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

model = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=31)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print("test ROC AUC: %.4f" % roc_auc_score(y_test, proba))
print(classification_report(y_test, (proba > 0.5).astype(int), target_names=["space", "full"]))
