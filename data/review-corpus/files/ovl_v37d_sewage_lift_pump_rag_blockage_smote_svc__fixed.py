# label: leakage/none
"""Rag blockage found at the annual wet-well survey of sewage lift pumps.

One row per station (duty pump) from the 2023 asset survey, joined to the
telemetry summary for the preceding 30 days.
"""
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SURVEY = "asset_survey/lift_pumps_2023.xlsx"
TELEMETRY = "asset_survey/pump_telemetry_30d.csv"

FEATURES = [
    "impeller_vortex",
    "impeller_channel",
    "motor_kw",
    "pump_age_years",
    "rising_main_length_m",
    "catchment_households",
    "starts_per_day",
    "run_hours_per_day",
    "current_mean_a",
    "current_std_a",
    "current_max_a",
    "trips_30d",
    "wet_well_high_level_alarms",
    "combined_sewer",
]


def load_pumps():
    survey = pd.read_excel(SURVEY, sheet_name="pumps")
    telemetry = pd.read_csv(TELEMETRY)
    pumps = survey.merge(telemetry, on="pump_tag", how="inner")
    pumps["impeller_vortex"] = (pumps["impeller_type"] == "vortex").astype(int)
    pumps["impeller_channel"] = (pumps["impeller_type"] == "channel").astype(int)
    pumps["combined_sewer"] = (pumps["sewer_type"] == "combined").astype(int)
    pumps["current_std_a"] = pumps["current_std_a"] / pumps["motor_fla_a"]
    pumps["current_max_a"] = pumps["current_max_a"] / pumps["motor_fla_a"]
    pumps["current_mean_a"] = pumps["current_mean_a"] / pumps["motor_fla_a"]
    return pumps.dropna(subset=FEATURES + ["rag_found"])


pumps = load_pumps()
X = pumps[FEATURES].to_numpy(dtype=float)
y = pumps["rag_found"].astype(int).to_numpy()
print(f"{len(y)} pumps surveyed, {y.sum()} with rag blockage")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21
)
X_train, y_train = SMOTE(k_neighbors=5, random_state=21).fit_resample(X_train, y_train)

clf = Pipeline([
    ("scale", StandardScaler()),
    ("svc", SVC(kernel="rbf", C=3.0, gamma="scale", probability=True, random_state=21)),
])
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(confusion_matrix(y_test, pred))
print(classification_report(y_test, pred, target_names=["clear", "ragged"], digits=3))
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}")

ranked = pd.DataFrame({"proba": proba, "rag_found": y_test}).sort_values("proba", ascending=False)
top = ranked.head(max(1, len(ranked) // 10))
print(f"hit rate in top 10% of ranked pumps: {top['rag_found'].mean():.1%}")
