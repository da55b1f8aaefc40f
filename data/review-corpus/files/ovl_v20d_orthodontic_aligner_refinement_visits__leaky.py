# label: leakage/overlap
"""Clear-aligner check-ups: will this visit end with a refinement scan being ordered?"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate

VISITS = "data/aligner_checkups.csv"
PATIENTS = "data/aligner_patients.csv"

num_cols = [
    "age_at_start", "aligner_stage", "total_stages", "days_on_current_tray",
    "reported_wear_hours", "attachments_count", "ipr_planned_mm", "crowding_mm",
    "overjet_mm", "missed_previous_checkups",
]
cat_cols = ["malocclusion_class", "arch", "clinic_region", "material_gen"]


def read_data():
    visits = pd.read_csv(VISITS, parse_dates=["visit_date"])
    patients = pd.read_csv(PATIENTS)
    df = visits.merge(patients, on="patient_id", how="left", validate="many_to_one")
    df["stage_progress"] = df["aligner_stage"] / df["total_stages"]
    return df


def build_pipeline(model):
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]),
         num_cols + ["stage_progress"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cat_cols),
    ])
    return Pipeline([("pre", pre), ("model", model)])


df = read_data()
print(f"{len(df)} visits from {df['patient_id'].nunique()} patients")
print(df.groupby("patient_id").size().describe())

X = df[num_cols + cat_cols + ["stage_progress"]]
y = df["refinement_ordered"].astype(int)

candidates = {
    "logreg": LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"),
    "forest": RandomForestClassifier(n_estimators=500, min_samples_leaf=3, n_jobs=-1,
                                     class_weight="balanced_subsample", random_state=0),
}

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=21)
summary = {}
for name, est in candidates.items():
    res = cross_validate(build_pipeline(est), X, y, cv=cv,
                         scoring=["roc_auc", "average_precision", "balanced_accuracy"])
    summary[name] = {k.replace("test_", ""): v.mean() for k, v in res.items() if k.startswith("test_")}
    print(name, {k: round(v, 3) for k, v in summary[name].items()})

pd.DataFrame(summary).T.plot.bar(rot=0, figsize=(6, 3))
plt.ylabel("5-fold mean")
plt.tight_layout()
plt.savefig("aligner_cv_scores.png")
