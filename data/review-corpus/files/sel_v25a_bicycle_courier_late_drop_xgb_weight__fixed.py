# label: leakage/none
"""Flag bicycle-courier jobs likely to miss their promised drop-off window at dispatch time."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split

jobs = pd.read_parquet("dispatch_jobs.parquet")
riders = pd.read_csv("rider_roster.csv")

jobs = jobs.merge(riders[["rider_id", "bike_type", "months_active"]], on="rider_id", how="left")
jobs["dispatch_ts"] = pd.to_datetime(jobs["dispatch_ts"])
jobs["hour"] = jobs["dispatch_ts"].dt.hour
jobs["dow"] = jobs["dispatch_ts"].dt.dayofweek
jobs["cargo_bike"] = (jobs["bike_type"] == "cargo").astype(int)
jobs["km_per_min_allowed"] = jobs["route_km"] / jobs["promised_minutes"].clip(lower=5)
jobs["rain"] = jobs["rain_mm_h"].fillna(0) > 0.2
jobs["late"] = jobs["late"].astype(int)

FEATURES = ["route_km", "promised_minutes", "km_per_min_allowed", "elevation_gain_m",
            "n_stops", "hour", "dow", "cargo_bike", "months_active", "rain", "parcel_kg"]
jobs["rain"] = jobs["rain"].astype(int)

jobs = jobs.sort_values("dispatch_ts")
split_at = int(len(jobs) * 0.8)
train, test = jobs.iloc[:split_at], jobs.iloc[split_at:]
X_tr, y_tr = train[FEATURES], train["late"]
X_te, y_te = test[FEATURES], test["late"]
X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, test_size=0.2, shuffle=False)

neg_pos = (y_fit == 0).sum() / max((y_fit == 1).sum(), 1)
candidates = {"none": 1.0, "sqrt": float(np.sqrt(neg_pos)), "ratio": float(neg_pos),
              "double": float(2 * neg_pos)}

params = dict(n_estimators=400, max_depth=5, learning_rate=0.05, subsample=0.8,
              colsample_bytree=0.8, eval_metric="logloss", n_jobs=4, random_state=7)

fits = {}
for name, spw in candidates.items():
    clf = xgb.XGBClassifier(scale_pos_weight=spw, **params)
    clf.fit(X_fit, y_fit)
    pred = clf.predict(X_val)
    fits[name] = f1_score(y_val, pred)
    print(f"scale_pos_weight={name:<6} ({spw:5.2f})  val F1={fits[name]:.4f}")

best = max(fits, key=fits.get)
model = xgb.XGBClassifier(scale_pos_weight=candidates[best], **params).fit(X_tr, y_tr)
pred = model.predict(X_te)
print(f"selected weighting: {best}")
print(f"test F1={f1_score(y_te, pred):.4f}  precision={precision_score(y_te, pred):.4f}  "
      f"recall={recall_score(y_te, pred):.4f}")
imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.head(6).round(3))
