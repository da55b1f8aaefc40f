# label: leakage/preprocessing
"""Equine hospital: survival to discharge for colic admissions.

Admission exam + bloods + belly tap, recorded by the duty clinician before any
decision on surgery. Used to give owners a rough prognosis at the first phone call.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

adm = pd.read_csv("data/colic_admissions_2012_2024.csv", parse_dates=["admitted_at"])
adm = adm.sort_values("admitted_at").drop_duplicates("horse_id", keep="first")
adm = adm[adm["outcome"].isin(["discharged", "died", "euthanised"])]
y = (adm["outcome"] == "discharged").astype(int).to_numpy()

# clinic records pulse etc. as text when the horse was too painful to examine
for col in ["rectal_temp_c", "pulse_bpm", "resp_rate", "pcv_pct", "total_protein_gl",
            "lactate_mmol", "peritoneal_lactate_mmol", "reflux_litres"]:
    adm[col] = pd.to_numeric(adm[col], errors="coerce")
adm["age_years"] = adm["age_years"].clip(upper=35)

num_cols = ["rectal_temp_c", "pulse_bpm", "resp_rate", "pcv_pct", "total_protein_gl",
            "lactate_mmol", "peritoneal_lactate_mmol", "reflux_litres", "age_years",
            "hours_since_onset"]
cat_cols = ["mucous_membranes", "capillary_refill", "pain_score", "gut_sounds",
            "abdominal_distension", "rectal_findings", "belly_tap_appearance",
            "breed_group", "referred_by_vet"]

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True),
                          StandardScaler()), num_cols),
    ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="not_recorded"),
                          OneHotEncoder(handle_unknown="ignore", min_frequency=10)), cat_cols),
])
X = prep.fit_transform(adm[num_cols + cat_cols])
print("design matrix:", X.shape, " survival rate:", y.mean().round(3))

clf = LogisticRegression(C=0.3, max_iter=5000, class_weight="balanced")
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=31)

res = cross_validate(clf, X, y, cv=cv,
                     scoring=["roc_auc", "balanced_accuracy", "neg_brier_score"])
print(f"AUC      {res['test_roc_auc'].mean():.3f} +/- {res['test_roc_auc'].std():.3f}")
print(f"bal acc  {res['test_balanced_accuracy'].mean():.3f}")
print(f"Brier    {-res['test_neg_brier_score'].mean():.3f}")

# calibration table for the prognosis leaflet
oof = cross_val_predict(clf, X, y, cv=cv, method="predict_proba")[:, 1]
bins = pd.cut(oof, bins=np.linspace(0, 1, 6), include_lowest=True)
calib = pd.DataFrame({"bin": bins, "survived": y}).groupby("bin", observed=True)["survived"]
print(calib.agg(["count", "mean"]).round(3))
