# label: leakage/overlap
"""Paediatric allergy clinic: predict a positive supervised peanut challenge.

One row per challenge visit. Children are re-challenged every 12-24 months,
so most appear several times in the export.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split

EXPORT = "clinic_exports/peanut_challenges.parquet"

NUMERIC = [
    "age_months",
    "spt_wheal_mm",
    "spt_histamine_mm",
    "spec_ige_peanut",
    "ara_h2_ige",
    "total_ige",
    "eosinophils",
    "months_since_last_reaction",
    "prior_challenges",
]
CATEGORICAL = ["sex", "eczema_severity", "asthma", "sibling_allergy", "tolerated_tree_nuts"]


def prepare(path):
    visits = pd.read_parquet(path)
    visits = visits[visits["challenge_completed"]].copy()
    visits["spt_wheal_mm"] = visits["spt_wheal_mm"].clip(upper=25)
    for col in ["spec_ige_peanut", "ara_h2_ige", "total_ige"]:
        visits[col] = np.log10(visits[col].clip(lower=0.01))
    visits["wheal_ratio"] = visits["spt_wheal_mm"] / visits["spt_histamine_mm"].replace(0, np.nan)
    for col in CATEGORICAL:
        visits[col] = visits[col].astype("category")
    return visits


def make_model():
    return HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=400,
        max_leaf_nodes=15,
        min_samples_leaf=20,
        l2_regularization=1.0,
        categorical_features="from_dtype",
        random_state=0,
    )


visits = prepare(EXPORT)
features = NUMERIC + ["wheal_ratio"] + CATEGORICAL
X = visits[features]
y = visits["reaction"].astype(int)
print(f"{len(visits)} challenges from {visits['patient_id'].nunique()} children, {y.mean():.1%} positive")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42
)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
cv_res = cross_validate(
    make_model(), X_train, y_train, cv=cv, scoring=["roc_auc", "average_precision"]
)
print(f"CV ROC AUC {cv_res['test_roc_auc'].mean():.3f} +/- {cv_res['test_roc_auc'].std():.3f}")
print(f"CV PR AUC  {cv_res['test_average_precision'].mean():.3f}")

model = make_model().fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC {roc_auc_score(y_test, proba):.3f}")
print(f"test PR AUC  {average_precision_score(y_test, proba):.3f}")
print(f"test Brier   {brier_score_loss(y_test, proba):.4f}")

low_risk = proba < 0.05
print(f"{low_risk.mean():.1%} of test challenges under 5% predicted risk; "
      f"observed reaction rate among them {y_test[low_risk].mean():.1%}")
