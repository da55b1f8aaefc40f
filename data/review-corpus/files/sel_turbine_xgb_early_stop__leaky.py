# label: leaky selection
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SCADA_PATH = "data/turbine_scada_daily.parquet"
FEATURES = [
    "gearbox_oil_temp_mean",
    "gearbox_oil_temp_max",
    "main_bearing_temp_mean",
    "generator_rpm_std",
    "nacelle_vibration_rms",
    "wind_speed_mean",
    "active_power_mean",
    "ambient_temp_mean",
    "blade_pitch_std",
]
TARGET = "gearbox_failure_30d"

df = pd.read_parquet(SCADA_PATH)
df = df.dropna(subset=FEATURES + [TARGET])

X = df[FEATURES]
y = df[TARGET].astype(int)
turbines = df["turbine_id"]

outer = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
train_idx, test_idx = next(outer.split(X, y, groups=turbines))
X_train, y_train = X.iloc[train_idx], y.iloc[train_idx]
X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]

pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)

model = xgb.XGBClassifier(
    n_estimators=3000,
    learning_rate=0.02,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.8,
    scale_pos_weight=pos_weight,
    eval_metric="aucpr",
    early_stopping_rounds=150,
    tree_method="hist",
)
model.fit(
    X_train,
    y_train,
    eval_set=[(X_test, y_test)],
    verbose=250,
)

proba = model.predict_proba(X_test)[:, 1]
print(f"best iteration: {model.best_iteration}")
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"test PR AUC:  {average_precision_score(y_test, proba):.3f}")
