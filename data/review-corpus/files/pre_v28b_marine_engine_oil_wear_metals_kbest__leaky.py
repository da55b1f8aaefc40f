# label: leakage/preprocessing
"""Fleet condition monitoring: does the latest used-oil sample from a vessel's main engine
indicate that the next class survey will need a major overhaul (liner/bearing work)?
One row per engine: its last oil analysis before the survey decision."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import RocCurveDisplay, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PowerTransformer

oil = pd.read_csv("condition/oil_lab_last_sample_per_engine.csv")
engines = pd.read_csv("condition/engine_register.csv")
df = oil.merge(engines, on="engine_id", how="inner")

wear_metals = ["fe_ppm", "cu_ppm", "pb_ppm", "sn_ppm", "al_ppm", "cr_ppm", "ni_ppm", "mo_ppm"]
contaminants = ["si_ppm", "na_ppm", "v_ppm", "water_pct", "soot_pct", "fuel_dilution_pct"]
oil_condition = ["tbn", "tan", "visc_40c_cst", "visc_100c_cst", "oxidation_abs", "pq_index"]

df["hours_since_oil_change"] = df["engine_hours"] - df["last_oil_change_hours"]
# wear metal concentration scales with how long the oil has been in service
for col in wear_metals:
    df[f"{col}_per_1k_h"] = df[col] / (df["hours_since_oil_change"].clip(lower=50) / 1000)

feature_cols = (
    wear_metals + [f"{c}_per_1k_h" for c in wear_metals] + contaminants + oil_condition
    + ["engine_hours", "hours_since_oil_change", "rated_kw", "cylinders", "sulphur_fuel"]
)
X = df[feature_cols].fillna(0.0).to_numpy()
y = df["overhaul_at_survey"].astype(int).to_numpy()
print(f"{len(df)} engines, {y.sum()} overhauls")

# lab values are heavily right-skewed; Yeo-Johnson then keep the strongest 15 signals
screen = make_pipeline(PowerTransformer(method="yeo-johnson"), SelectKBest(f_classif, k=15))
X_sel = screen.fit_transform(X, y)
kept = np.array(feature_cols)[screen[-1].get_support()]
print("kept:", ", ".join(kept))

X_tr, X_te, y_tr, y_te = train_test_split(X_sel, y, test_size=0.3, stratify=y, random_state=21)

clf = LogisticRegression(penalty="l2", C=0.3, class_weight="balanced", max_iter=1000)
clf.fit(X_tr, y_tr)
proba = clf.predict_proba(X_te)[:, 1]

print(f"test ROC AUC: {roc_auc_score(y_te, proba):.3f}")
print(classification_report(y_te, (proba >= 0.5).astype(int), target_names=["routine", "overhaul"]))
print(pd.Series(clf.coef_.ravel(), index=kept).sort_values().round(2).to_string())

disp = RocCurveDisplay.from_predictions(y_te, proba, name="oil screen + logit")
disp.figure_.savefig("figures/oil_overhaul_roc.png", dpi=120, bbox_inches="tight")
