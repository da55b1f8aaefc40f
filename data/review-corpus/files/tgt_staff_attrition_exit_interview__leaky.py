# label: leaky target
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

staff = pd.read_csv("data/hr_employee_snapshot.csv")

categorical = ["department", "job_level", "work_mode", "office_location"]
numeric = [
    "tenure_months",
    "base_salary",
    "salary_vs_band_midpoint",
    "months_since_promotion",
    "engagement_score",
    "overtime_hours_q",
    "manager_changes_2y",
    "training_hours_y",
    "exit_interview_scheduled",
]
X = staff[categorical + numeric]
y = staff["left_within_6m"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=6
)

model = Pipeline([
    ("prep", ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore"), categorical)],
        remainder="passthrough",
    )),
    ("gbm", HistGradientBoostingClassifier(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
        class_weight="balanced", random_state=6,
    )),
])
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(classification_report(y_test, proba >= 0.5, digits=3))
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
