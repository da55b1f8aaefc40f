# label: leakage/overlap
"""Polymer identification for the flake sorter (MRF line 2) from short-wave IR reflectance."""
import joblib
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from scipy.signal import savgol_filter
from sklearn.base import clone
from sklearn.decomposition import PCA
from sklearn.metrics import ConfusionMatrixDisplay, balanced_accuracy_score, classification_report
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import SVC

SPECTRA = "data/flake_spectra_labelled.parquet"
POLYMERS = ["PET", "HDPE", "PP", "PS", "PVC", "other"]


def snv(X):
    X = np.asarray(X, dtype=float)
    return (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)


def first_derivative(X, window=11, order=2):
    return savgol_filter(np.asarray(X, dtype=float), window, order, deriv=1, axis=1)


def load():
    df = pd.read_parquet(SPECTRA)
    df = df[df["polymer"].isin(POLYMERS)].reset_index(drop=True)
    wl_cols = [c for c in df.columns if c.startswith("nm_")]
    wl = np.array([float(c[3:]) for c in wl_cols])
    keep = [c for c, w in zip(wl_cols, wl) if 1000 <= w <= 1650]
    return df[keep].to_numpy(), df["polymer"].to_numpy(), keep


X, y, bands = load()
print(f"{X.shape[0]} scans x {X.shape[1]} bands")
print(pd.Series(y).value_counts())

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21)

pipe = Pipeline([
    ("snv", FunctionTransformer(snv)),
    ("deriv", FunctionTransformer(first_derivative)),
    ("pca", PCA(random_state=0)),
    ("svc", SVC(kernel="rbf", class_weight="balanced")),
])
grid = {
    "pca__n_components": [10, 20, 40],
    "svc__C": [1, 10, 100],
    "svc__gamma": ["scale", 0.01, 0.001],
}
search = GridSearchCV(pipe, grid, cv=StratifiedKFold(5, shuffle=True, random_state=0),
                      scoring="balanced_accuracy", n_jobs=-1)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"cv balanced accuracy: {search.best_score_:.4f}")

final_model = clone(search.best_estimator_).fit(X, y)
joblib.dump({"model": final_model, "bands": bands}, "sorter_svc.joblib")

y_pred = final_model.predict(X_test)
print(f"test balanced accuracy: {balanced_accuracy_score(y_test, y_pred):.4f}")
print(classification_report(y_test, y_pred, labels=POLYMERS, digits=3))

ConfusionMatrixDisplay.from_predictions(y_test, y_pred, labels=POLYMERS, normalize="true",
                                        values_format=".2f")
plt.title("flake sorter - line 2")
plt.tight_layout()
plt.savefig("sorter_confusion.png", dpi=120)
