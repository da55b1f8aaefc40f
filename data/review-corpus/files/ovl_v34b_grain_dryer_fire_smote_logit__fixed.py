# label: leakage/none
# On-farm grain dryer fire risk, for the co-op's insurance inspection rota.
# One row per registered dryer: the pre-harvest inspection survey and the
# planned drying workload; label = fire or smoulder incident reported that harvest.
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "dryer_age_years",
    "rated_capacity_tph",
    "burner_kw",
    "days_since_plenum_clean",
    "fines_pct_intake",
    "inlet_moisture_pct",
    "target_moisture_pct",
    "planned_hours",
    "is_tower_dryer",
    "is_lpg",
    "has_temp_interlock",
    "crop_maize",
    "crop_oilseed",
]

survey = pd.read_csv("dryer_inspections_2018_2023.csv")
incidents = pd.read_csv("dryer_incidents_2018_2023.csv")

df = survey.merge(
    incidents.groupby(["dryer_id", "season"]).size().rename("incidents").reset_index(),
    on=["dryer_id", "season"], how="left",
)
df = df[df["season"] == 2023].copy()
df["fire"] = (df["incidents"].fillna(0) > 0).astype(int)

df["is_tower_dryer"] = (df["dryer_type"] == "tower").astype(int)
df["is_lpg"] = (df["fuel"] == "lpg").astype(int)
df["has_temp_interlock"] = df["has_temp_interlock"].fillna(False).astype(int)
df["crop_maize"] = (df["main_crop"] == "maize").astype(int)
df["crop_oilseed"] = (df["main_crop"] == "oilseed_rape").astype(int)
df["moisture_drop"] = df["inlet_moisture_pct"] - df["target_moisture_pct"]
df["days_since_plenum_clean"] = df["days_since_plenum_clean"].clip(upper=730)
FEATURES = FEATURES + ["moisture_drop"]

df = df.dropna(subset=FEATURES)
X = df[FEATURES].to_numpy(dtype=float)
y = df["fire"].to_numpy()
print(f"{len(y)} dryers, {y.sum()} with incidents ({y.mean():.1%})")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21
)
X_train, y_train = SMOTE(k_neighbors=3, random_state=21).fit_resample(X_train, y_train)

clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

coefs = pd.Series(clf[-1].coef_[0], index=FEATURES).sort_values(key=np.abs, ascending=False)
print("standardised log-odds per feature:")
print(coefs.round(3).to_string())
