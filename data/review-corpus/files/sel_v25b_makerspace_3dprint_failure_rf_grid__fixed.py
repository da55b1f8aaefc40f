# label: leakage/none
"""Predict whether a makerspace 3D print job fails, tuning a random forest with a predefined split."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, PredefinedSplit, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

jobs = pd.read_csv("makerspace_print_jobs.csv", parse_dates=["queued_at"])
printers = pd.read_csv("printer_inventory.csv")
jobs = jobs.merge(printers[["printer_id", "model", "nozzle_mm", "bed_type"]], on="printer_id", how="left")

jobs = jobs[jobs["est_minutes"] > 0].copy()
jobs["filament"] = jobs["filament"].str.strip().str.upper()
jobs["queued_hour"] = jobs["queued_at"].dt.hour
jobs["layer_ratio"] = jobs["layer_height_mm"] / jobs["nozzle_mm"]
jobs["log_est_minutes"] = np.log1p(jobs["est_minutes"])
jobs["support_share"] = jobs["support_grams"] / jobs["total_grams"].clip(lower=1)

numeric = ["log_est_minutes", "layer_ratio", "support_share", "infill_pct",
           "nozzle_temp", "bed_temp", "queued_hour", "member_prior_jobs"]
categorical = ["filament", "model", "bed_type"]
X = jobs[numeric + categorical]
y = jobs["failed"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=11)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.2, stratify=y_train, random_state=11)

prep = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
], remainder="passthrough")

pipe = Pipeline([
    ("prep", prep),
    ("rf", RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=11)),
])

# a single evaluation fold instead of k-fold, to keep the search quick
X_search = pd.concat([X_fit, X_val])
y_search = pd.concat([y_fit, y_val])
fold = np.r_[np.full(len(X_fit), -1), np.zeros(len(X_val), dtype=int)]

grid = {
    "rf__max_depth": [6, 10, 16, None],
    "rf__min_samples_leaf": [1, 3, 8],
    "rf__max_features": ["sqrt", 0.5],
    "rf__class_weight": [None, "balanced"],
}
search = GridSearchCV(pipe, grid, scoring="roc_auc", cv=PredefinedSplit(fold), refit=False)
search.fit(X_search, y_search)
print("best params:", search.best_params_)

model = pipe.set_params(**search.best_params_)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"test F1 @0.5: {f1_score(y_test, (proba >= 0.5).astype(int)):.3f}")
