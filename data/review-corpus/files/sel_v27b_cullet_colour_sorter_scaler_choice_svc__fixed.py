# label: leakage/none
"""Classify crushed glass cullet by colour from NIR sorter scans to set the optical sorter's ejector rules."""
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import (FunctionTransformer, MinMaxScaler,
                                   RobustScaler, StandardScaler)
from sklearn.svm import SVC

scans = pd.read_parquet("cullet_nir_scans.parquet")
band_cols = [c for c in scans.columns if c.startswith("nm_")]

# drop saturated and empty readings, and shards the operators could not classify
peak = scans[band_cols].max(axis=1)
scans = scans[(peak < 0.99) & (peak > 0.02)]
scans = scans.dropna(subset=band_cols + ["colour_class"])
scans = scans[scans["colour_class"] != "unknown"].reset_index(drop=True)
print(scans["colour_class"].value_counts())


def snv(X):
    X = np.asarray(X, dtype=float)
    return (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)


def first_derivative(X):
    return np.gradient(np.asarray(X, dtype=float), axis=1)


X = scans[band_cols].to_numpy(dtype=float)
y = scans["colour_class"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=5
)

candidates = {
    "standard": lambda: [StandardScaler()],
    "robust": lambda: [RobustScaler()],
    "minmax": lambda: [MinMaxScaler()],
    "snv": lambda: [FunctionTransformer(snv)],
    "snv_deriv": lambda: [FunctionTransformer(snv), FunctionTransformer(first_derivative),
                          StandardScaler()],
}


def build(steps):
    return make_pipeline(*steps, SVC(C=10.0, gamma="scale", class_weight="balanced"))


cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=5)
scores = {}
for name, steps in candidates.items():
    cv_scores = cross_val_score(build(steps()), X_train, y_train, cv=cv, scoring="f1_macro")
    scores[name] = cv_scores.mean()
    print(f"{name:10s} CV macro-F1 {scores[name]:.4f} (+/- {cv_scores.std():.4f})")

best_name = max(scores, key=scores.get)
final = build(candidates[best_name]()).fit(X_train, y_train)
y_pred = final.predict(X_test)

print(f"Chosen preprocessing: {best_name}")
print(f"Test macro-F1: {f1_score(y_test, y_pred, average='macro'):.4f}")
print(classification_report(y_test, y_pred, digits=3))
