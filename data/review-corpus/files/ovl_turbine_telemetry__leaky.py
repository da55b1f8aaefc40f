# label: leakage/overlap
# twin: ovl_turbine_telemetry__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, average_precision_score

daily = pd.read_csv("data/turbine_daily.csv", parse_dates=["date"])
daily = daily.sort_values(["turbine_id", "date"]).reset_index(drop=True)

for col in ["gearbox_temp", "generator_rpm", "vibration_rms", "power_kw"]:
    grp = daily.groupby("turbine_id")[col]
    daily[f"{col}_mean7"] = grp.transform(lambda s: s.rolling(7, min_periods=1).mean())
    daily[f"{col}_delta"] = grp.diff()

target = "fails_within_14d"
features = [c for c in daily.columns if c not in ("date", "turbine_id", target)]

train, test = train_test_split(daily, test_size=0.2, stratify=daily[target], random_state=8)

model = CatBoostClassifier(iterations=800, depth=6, learning_rate=0.05,
                           auto_class_weights="Balanced", verbose=200)
model.fit(train[features], train[target], cat_features=["model_variant", "site"])
p = model.predict_proba(test[features])[:, 1]
print(f"AUC={roc_auc_score(test[target], p):.3f}  AP={average_precision_score(test[target], p):.3f}")
