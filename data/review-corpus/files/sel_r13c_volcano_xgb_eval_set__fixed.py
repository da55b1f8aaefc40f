# label: leakage/none
# twin: sel_r13c_volcano_xgb_eval_set__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
import xgboost
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report

# one row per unrest episode (different volcanoes / different years)
episodes = pd.read_csv("volcano_unrest_episodes.csv")
episodes["log_so2"] = np.log1p(episodes["so2_flux_t_per_day"])
episodes["quakes_per_day"] = episodes["quake_count_first_week"] / 7.0
episodes["tilt_rate"] = episodes["tilt_microrad"] / episodes["days_observed"].clip(lower=1)

features = [
    "log_so2", "tremor_rms", "tilt_rate", "quakes_per_day",
    "deformation_mm", "co2_so2_ratio", "vei_last_eruption", "years_since_last_eruption",
]
X = episodes[features]
y = episodes["erupted"]
print("eruption rate:", y.mean())

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42
)
X_tr, X_val, y_tr, y_val = train_test_split(
    X_train, y_train, test_size=0.2, stratify=y_train, random_state=42
)

model = xgboost.XGBClassifier(
    n_estimators=2000,
    learning_rate=0.03,
    max_depth=4,
    subsample=0.8,
    colsample_bytree=0.8,
    early_stopping_rounds=50,
    eval_metric="auc",
)
model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=100)
print("best iteration:", model.best_iteration)

proba = model.predict_proba(X_test)[:, 1]
print("test ROC AUC:", roc_auc_score(y_test, proba))
print(classification_report(y_test, (proba > 0.5).astype(int)))
