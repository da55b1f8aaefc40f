# label: leakage/none
"""Which service visits end with a drum-bearing replacement?

Diagnostics are pulled from the washer controller when the technician arrives; older
controllers do not report every channel, hence the gaps.
"""
import numpy as np
import pandas as pd
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupKFold, cross_validate

VISITS = "data/washer_service_visits.csv"
NUM = ["spin_vibration_rms", "imbalance_events_30d", "cycles_since_service",
       "motor_temp_max_c", "inlet_fill_time_s", "drain_time_s", "door_lock_faults_30d",
       "machine_age_months", "capacity_kg", "avg_load_fraction"]
CAT = ["model_family", "site_type", "water_hardness_band"]
TARGET = "bearing_replaced"


def numeric_block():
    return Pipeline([
        ("impute", IterativeImputer(max_iter=15, random_state=0)),
        ("scale", StandardScaler()),
    ])


def make_pipe(estimator):
    prep = ColumnTransformer([
        ("num", numeric_block(), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
    ])
    return Pipeline([("prep", prep), ("model", estimator)])


visits = pd.read_csv(VISITS, parse_dates=["visit_date"])
visits = visits.dropna(subset=[TARGET])
print(visits[NUM].isna().mean().round(3).sort_values(ascending=False))

X = visits[NUM + CAT]
y = visits[TARGET].astype(int)
groups = visits["machine_id"]

candidates = {
    "logreg": LogisticRegression(C=0.3, class_weight="balanced", max_iter=3000),
    "forest": RandomForestClassifier(n_estimators=500, min_samples_leaf=5,
                                     class_weight="balanced_subsample", n_jobs=-1,
                                     random_state=0),
}

cv = GroupKFold(n_splits=5)
rows = []
for name, est in candidates.items():
    res = cross_validate(make_pipe(est), X, y, groups=groups, cv=cv,
                         scoring=["roc_auc", "average_precision", "balanced_accuracy"])
    rows.append({
        "model": name,
        "auc": np.mean(res["test_roc_auc"]),
        "auc_sd": np.std(res["test_roc_auc"]),
        "ap": np.mean(res["test_average_precision"]),
        "bal_acc": np.mean(res["test_balanced_accuracy"]),
    })
    print(f"{name:7s} AUC {rows[-1]['auc']:.3f} ± {rows[-1]['auc_sd']:.3f}  "
          f"AP {rows[-1]['ap']:.3f}")

summary = pd.DataFrame(rows).set_index("model").round(4)
summary.to_csv("bearing_cv_summary.csv")
print(summary)
