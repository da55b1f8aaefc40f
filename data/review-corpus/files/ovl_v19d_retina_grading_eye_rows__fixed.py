# label: leakage/none
"""Referable diabetic retinopathy from eye-level imaging measurements (XGBoost)."""
import pandas as pd
import numpy as np
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, recall_score, precision_score, RocCurveDisplay
from sklearn.model_selection import GroupShuffleSplit

EYES_CSV = "data/screening_eyes.csv"
PATIENTS_CSV = "data/screening_patients.csv"

EYE_COLS = [
    "n_microaneurysms", "n_hemorrhages", "exudate_area_pct", "cotton_wool_spots",
    "vessel_tortuosity", "cup_disc_ratio", "macular_thickness_um",
    "image_quality", "is_right_eye",
]
PATIENT_COLS = ["age", "sex_male", "diabetes_years", "hba1c_pct", "sbp_mmhg",
                "on_insulin", "egfr"]

PARAMS = {
    "n_estimators": 450,
    "max_depth": 4,
    "learning_rate": 0.05,
    "subsample": 0.85,
    "colsample_bytree": 0.8,
    "min_child_weight": 3,
    "eval_metric": "auc",
    "random_state": 3,
}


def load():
    eyes = pd.read_csv(EYES_CSV)
    patients = pd.read_csv(PATIENTS_CSV)
    eyes["is_right_eye"] = (eyes["laterality"] == "R").astype(int)
    patients["sex_male"] = (patients["sex"] == "M").astype(int)
    df = eyes.merge(patients, on="patient_id", how="inner", validate="m:1")
    df = df[df["image_quality"] >= 2]
    return df


df = load()
print(f"{df['patient_id'].nunique()} patients, {len(df)} gradable eyes")
print(df["referable_dr"].value_counts(normalize=True).round(3))

X = df[EYE_COLS + PATIENT_COLS]
y = df["referable_dr"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
train_idx, test_idx = next(gss.split(X, y, groups=df["patient_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
clf = xgb.XGBClassifier(scale_pos_weight=pos_weight, **PARAMS)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"AUC        {roc_auc_score(y_test, proba):.3f}")
print(f"sensitivity {recall_score(y_test, pred):.3f}")
print(f"specificity {recall_score(y_test, pred, pos_label=0):.3f}")
print(f"PPV        {precision_score(y_test, pred):.3f}")

imp = pd.Series(clf.feature_importances_, index=X.columns).sort_values()
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
RocCurveDisplay.from_predictions(y_test, proba, ax=axes[0])
imp.plot.barh(ax=axes[1], color="teal")
axes[1].set_title("gain importance")
fig.tight_layout()
fig.savefig("dr_screening_eval.png", dpi=120)
