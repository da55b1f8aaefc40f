# label: leakage/none
"""Release prognosis at intake, wildlife rehabilitation centre.

Admissions 2015-2023. Animals transferred to other facilities are dropped
because their final outcome is unknown to us.
"""
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.calibration import CalibrationDisplay
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

CFG = {
    "admissions": "data/rehab_admissions.csv",
    "exam": "data/intake_exam.csv",
    "test_size": 0.25,
    "seed": 8,
}

CATEGORICAL = ["species_group", "age_class", "admit_reason", "finder_type", "admit_season"]
NUMERIC = [
    "admit_weight_g", "weight_vs_reference", "body_condition_score", "dehydration_pct",
    "has_fracture", "wing_or_limb_injury", "head_trauma", "parasite_load_score",
    "hours_found_to_admit", "finder_distance_km",
]
TARGET = "released"


def load(cfg):
    adm = pd.read_csv(cfg["admissions"], parse_dates=["admit_date", "disposition_date"])
    exam = pd.read_csv(cfg["exam"])
    df = adm.merge(exam, on="case_id", how="inner", validate="one_to_one")
    df = df[df["disposition"] != "transferred"].copy()
    df[TARGET] = (df["disposition"] == "released").astype(int)
    df["days_in_care"] = (df["disposition_date"] - df["admit_date"]).dt.days
    df["admit_season"] = df["admit_date"].dt.month.map(
        {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
         6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"})
    df["weight_vs_reference"] = df["admit_weight_g"] / df["reference_adult_weight_g"]
    return df


cases = load(CFG)
print(cases["disposition"].value_counts())
print(cases.groupby("disposition")["days_in_care"].describe().round(1))

train, test = train_test_split(cases, test_size=CFG["test_size"], stratify=cases[TARGET],
                               random_state=CFG["seed"])

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
    remainder="passthrough",
)
model = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.05, max_depth=5, l2_regularization=0.5,
        categorical_features=list(range(len(CATEGORICAL))), random_state=CFG["seed"])),
])
model.fit(train[CATEGORICAL + NUMERIC], train[TARGET])
proba = model.predict_proba(test[CATEGORICAL + NUMERIC])[:, 1]

print(f"ROC AUC {roc_auc_score(test[TARGET], proba):.3f}")
print(f"PR AUC  {average_precision_score(test[TARGET], proba):.3f}")
print(f"Brier   {brier_score_loss(test[TARGET], proba):.3f}")

report = test.assign(p_release=proba).groupby("species_group").agg(
    n=(TARGET, "size"), observed=(TARGET, "mean"), predicted=("p_release", "mean"))
print(report.round(3))

fig, ax = plt.subplots(figsize=(5, 5))
CalibrationDisplay.from_predictions(test[TARGET], proba, n_bins=10, ax=ax)
ax.set_title("release probability calibration")
plt.tight_layout()
plt.savefig("release_calibration.png", dpi=120)
