# label: leakage/none
# twin: ovl_v17b_sea_turtle_nest_inundation__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

RANDOM_STATE = 42
FEATURES = [
    "dist_to_hightide_m",
    "elevation_m",
    "beach_slope_deg",
    "sand_grain_mm",
    "dune_veg_cover_pct",
    "clutch_size",
    "lay_doy",
    "days_to_spring_tide",
    "storm_days_forecast",
    "relocated",
]


def load_nests(path):
    nests = pd.read_csv(path, parse_dates=["lay_date"])
    nests = nests.drop_duplicates(subset="nest_id")
    nests = nests[nests["species"] == "Caretta caretta"]
    nests["lay_doy"] = nests["lay_date"].dt.dayofyear
    nests["relocated"] = nests["relocated"].map({"Y": 1, "N": 0}).fillna(0).astype(int)
    nests = nests[nests["dist_to_hightide_m"].between(0, 120)]
    return nests.dropna(subset=FEATURES + ["inundated"])


nests = load_nests("data/loggerhead_nests_2015_2023.csv")
X = nests[FEATURES].to_numpy()
y = nests["inundated"].astype(int).to_numpy()
print(f"nests: {len(y)}, inundated share: {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=RANDOM_STATE
)

smote = SMOTE(k_neighbors=5, random_state=RANDOM_STATE)
X_train, y_train = smote.fit_resample(X_train, y_train)
print(f"train {len(y_train)} (pos {y_train.sum()}), test {len(y_test)} (pos {y_test.sum()})")

forest = RandomForestClassifier(
    n_estimators=500,
    min_samples_leaf=3,
    max_features="sqrt",
    n_jobs=-1,
    random_state=RANDOM_STATE,
)
forest.fit(X_train, y_train)

proba = forest.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, pred, target_names=["hatched", "inundated"], digits=3))

ranking = sorted(zip(FEATURES, forest.feature_importances_), key=lambda t: -t[1])
for name, score in ranking:
    print(f"  {name:<22s} {score:.3f}")

high_risk = nests.assign(risk=forest.predict_proba(nests[FEATURES].to_numpy())[:, 1])
print(high_risk.nlargest(10, "risk")[["nest_id", "beach_sector", "risk"]].to_string(index=False))
