# label: leakage/none
# twin: ovl_r13_smote_before_cv__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Which cell sites will have a major outage next quarter? (~5% positives)"""
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate

FEATURES = [
    "site_age_yr", "firmware_age_days", "avg_cpu_pct", "peak_link_util_pct",
    "n_alarms_q", "n_power_dips_q", "backhaul_is_microwave", "avg_temp_c",
    "battery_health_pct", "n_sectors",
]
SCORING = ["roc_auc", "average_precision", "recall"]


def summarise(cv_result):
    for key, values in cv_result.items():
        if key.startswith("test_"):
            print(f"{key[5:]:>18}: {values.mean():.3f} +/- {values.std():.3f}")


# one row per site: Q3 telemetry summary, label = major outage during Q4
sites = pd.read_csv("data/cell_sites_q3.csv").dropna(subset=FEATURES)
X = sites[FEATURES].to_numpy()
y = sites["major_outage_next_q"].to_numpy()
print(f"{len(y)} sites, positive rate {y.mean():.3f}")

# SMOTE runs inside each training fold only; validation folds keep real sites
model = make_pipeline(
    SMOTE(k_neighbors=5, random_state=3),
    RandomForestClassifier(
        n_estimators=500, min_samples_leaf=2, max_features="sqrt", n_jobs=-1, random_state=3
    ),
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
result = cross_validate(model, X, y, cv=cv, scoring=SCORING)
summarise(result)
