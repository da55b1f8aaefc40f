# label: leakage/overlap
# twin: ovl_v17a_hail_storm_cells_smote__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Flag convective storm cells that produce hail >= 2 cm at the ground.

One row per tracked storm cell (dual-polarisation radar summary at peak intensity);
labels come from spotter reports and hail-pad networks.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (balanced_accuracy_score, confusion_matrix,
                             f1_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

RADAR_COLS = [
    "max_reflectivity_dbz", "vil_kg_m2", "echo_top_km", "zdr_column_depth_km",
    "hail_index_mesh_mm", "freezing_level_km", "cape_j_kg", "shear_0_6km_ms",
    "cell_speed_kmh", "cell_lifetime_min",
]

cells = pd.read_csv("data/storm_cells_2015_2023.csv", parse_dates=["peak_time_utc"])
cells = cells.drop_duplicates(subset="cell_id")
cells = cells.dropna(subset=RADAR_COLS + ["hail_ge_2cm"])
cells = cells[cells["max_reflectivity_dbz"] > 35]
cells["vil_density"] = cells["vil_kg_m2"] / cells["echo_top_km"].clip(lower=1.0) * 1000
cells["melting_margin_km"] = cells["echo_top_km"] - cells["freezing_level_km"]

features = RADAR_COLS + ["vil_density", "melting_margin_km"]
X = cells[features].to_numpy()
y = cells["hail_ge_2cm"].astype(int).to_numpy()
print(f"{len(y)} cells, hail rate {y.mean():.2%}")

X_res, y_res = SMOTE(k_neighbors=5, random_state=4).fit_resample(X, y)
print(f"after SMOTE: {len(y_res)} rows, hail rate {y_res.mean():.2%}")

X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.3, stratify=y_res, random_state=4
)

model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC:           {roc_auc_score(y_test, proba):.3f}")
print(f"F1 (hail):         {f1_score(y_test, pred):.3f}")
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(confusion_matrix(y_test, pred))

coefs = model.named_steps["logisticregression"].coef_.ravel()
for name, w in sorted(zip(features, coefs), key=lambda t: -abs(t[1])):
    print(f"  {name:24s} {w:+.3f}")
