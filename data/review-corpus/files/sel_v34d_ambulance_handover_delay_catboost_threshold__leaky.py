# label: leakage/selection
# Flags ambulance arrivals whose crew handover at the emergency department is
# likely to exceed 30 minutes, so the flow coordinator can open the cohort bay.
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import (
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

ARRIVALS = "data/ed_ambulance_arrivals_2023.parquet"
CAT_COLS = ["hospital_site", "ambulance_service", "triage_category", "arrival_mode", "weekday"]
NUM_COLS = [
    "arrival_hour",
    "patients_in_department",
    "patients_waiting_triage",
    "majors_beds_free",
    "ambulances_queued",
    "crew_shift_hour",
    "patient_age",
    "news2_score",
]
LIMIT_MIN = 30


def load_arrivals(path):
    df = pd.read_parquet(path)
    df = df[df["handover_minutes"].notna() & (df["handover_minutes"] >= 0)]
    df["arrival_hour"] = df["arrival_time"].dt.hour
    df["weekday"] = df["arrival_time"].dt.day_name()
    df["delayed"] = (df["handover_minutes"] > LIMIT_MIN).astype(int)
    df = df.sort_values("arrival_time").reset_index(drop=True)
    for col in CAT_COLS:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


def best_threshold(y_true, proba):
    candidates = np.linspace(0.05, 0.95, 91)
    scores = [f1_score(y_true, proba >= t) for t in candidates]
    i = int(np.argmax(scores))
    return candidates[i], scores[i]


arrivals = load_arrivals(ARRIVALS)
X = arrivals[CAT_COLS + NUM_COLS]
y = arrivals["delayed"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, shuffle=False
)

model = CatBoostClassifier(
    iterations=800,
    depth=6,
    learning_rate=0.05,
    loss_function="Logloss",
    auto_class_weights="Balanced",
    random_seed=2023,
    verbose=200,
)
model.fit(Pool(X_train, y_train, cat_features=CAT_COLS))

test_proba = model.predict_proba(Pool(X_test, cat_features=CAT_COLS))[:, 1]
threshold, _ = best_threshold(y_test, test_proba)
flagged = test_proba >= threshold

print(f"delayed handovers in test: {y_test.mean():.1%} of {len(y_test)}")
print(f"threshold          : {threshold:.2f}")
print(f"ROC AUC            : {roc_auc_score(y_test, test_proba):.3f}")
print(f"precision          : {precision_score(y_test, flagged):.3f}")
print(f"recall             : {recall_score(y_test, flagged):.3f}")
print(f"F1                 : {f1_score(y_test, flagged):.3f}")
print(f"arrivals flagged   : {flagged.mean():.1%}")

importances = pd.Series(model.get_feature_importance(), index=X.columns)
print(importances.sort_values(ascending=False).round(2).to_string())
