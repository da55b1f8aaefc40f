# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# Monthly inspections of council skatepark ramp sections.
# Target: inspector marks the section as needing repair before next use.
inspections = pd.read_csv("skatepark_inspections.csv", parse_dates=["inspection_date"])
inspections = inspections[inspections["inspection_type"] == "routine"]

inspections["section_age_years"] = (
    inspections["inspection_date"].dt.year - inspections["install_year"]
)
inspections["frost_days_log"] = np.log1p(inspections["frost_days_since_last"])
inspections["visits_per_day"] = (
    inspections["counter_visits_since_last"] / inspections["days_since_last"].clip(lower=1)
)

cat_cols = ["surface_material", "element_type", "park_id", "drainage"]
num_cols = [
    "section_age_years",
    "frost_days_log",
    "rain_mm_since_last",
    "visits_per_day",
    "days_since_last",
    "last_resurface_years",
    "coping_length_m",
]

X = inspections[cat_cols + num_cols]
y = inspections["needs_repair"].astype(int)

# Fit on past seasons, score the latest one
in_train = inspections["inspection_date"] < "2024-01-01"
X_train, X_test = X[in_train], X[~in_train]
y_train, y_test = y[in_train], y[~in_train]

preprocess = ColumnTransformer(
    [
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
        (
            "num",
            Pipeline(
                [
                    ("impute", SimpleImputer(strategy="median")),
                    ("scale", StandardScaler()),
                ]
            ),
            num_cols,
        ),
    ]
)
clf = Pipeline(
    [
        ("prep", preprocess),
        ("logit", LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)),
    ]
)
oof_scores = cross_val_predict(
    clf, X_train, y_train, cv=StratifiedKFold(5, shuffle=True, random_state=3),
    method="predict_proba",
)[:, 1]
clf.fit(X_train, y_train)

test_scores = clf.predict_proba(X_test)[:, 1]

# Pick the cut-off that gives the best F1 for the repair crew list
thresholds = np.linspace(0.05, 0.95, 91)
f1_by_threshold = [f1_score(y_train, oof_scores >= t) for t in thresholds]
threshold = thresholds[int(np.argmax(f1_by_threshold))]

flagged = test_scores >= threshold
print(f"threshold        : {threshold:.2f}")
print(f"ROC AUC          : {roc_auc_score(y_test, test_scores):.3f}")
print(f"average precision: {average_precision_score(y_test, test_scores):.3f}")
print(f"F1               : {f1_score(y_test, flagged):.3f}")
print(f"precision        : {precision_score(y_test, flagged):.3f}")
print(f"recall           : {recall_score(y_test, flagged):.3f}")
print(f"sections flagged : {flagged.sum()} of {len(flagged)}")

coefs = pd.Series(
    clf.named_steps["logit"].coef_.ravel(),
    index=clf.named_steps["prep"].get_feature_names_out(),
).sort_values()
print(coefs.tail(10).round(3).to_string())
