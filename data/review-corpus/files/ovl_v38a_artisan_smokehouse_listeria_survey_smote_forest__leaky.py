# label: leakage/overlap
# National survey of small fish smokehouses: one visit per producer, with a
# questionnaire, on-site measurements and a composite environmental swab.
# Goal: rank producers for the next round of advisory visits by their risk
# of a Listeria monocytogenes detection.
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

SURVEY = "survey/smokehouse_producers_visit.csv"

NUMERIC = [
    "cold_smoke",
    "wild_fish",
    "fish_kg_week",
    "products_made",
    "brine_salt_pct",
    "brine_temp_c",
    "brining_hours",
    "days_since_brine_refresh",
    "smoke_temp_c",
    "smoking_hours",
    "chiller_temp_c",
    "on_site_slicing",
    "wooden_racks",
    "floor_drains_in_process_room",
    "staff_count",
    "haccp_audit_score",
]


def load_survey(path):
    survey = pd.read_csv(path)
    survey = survey[survey["lab_status"] == "reported"].copy()
    survey["lm_detected"] = survey["lm_result"].eq("detected").astype(int)
    for col in ["cold_smoke", "wild_fish", "on_site_slicing", "wooden_racks"]:
        survey[col] = survey[col].map({"yes": 1, "no": 0})
    return survey.dropna(subset=NUMERIC)


survey = load_survey(SURVEY)
X = survey[NUMERIC].to_numpy()
y = survey["lm_detected"].to_numpy()
print(f"{len(y)} producers, {y.sum()} detections ({y.mean():.2%})")

X_bal, y_bal = SMOTE(k_neighbors=5, random_state=5).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(
    X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=5
)

forest = RandomForestClassifier(
    n_estimators=600,
    max_depth=None,
    min_samples_leaf=3,
    max_features="sqrt",
    n_jobs=-1,
    random_state=5,
)
forest.fit(X_train, y_train)

proba = forest.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"recall on detections: {recall_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["not detected", "detected"]))

# producers ranked for advisory visits
order = np.argsort(proba)[::-1]
top = order[: max(1, len(order) // 10)]
print(f"detections in top 10% of scores: {y_test[top].sum()} / {y_test.sum()}")

importances = pd.Series(forest.feature_importances_, index=NUMERIC)
print(importances.sort_values(ascending=False).round(3).to_string())
