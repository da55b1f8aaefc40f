# label: leakage/preprocessing
"""Timber species ID for guitar back-and-side sets from handheld NIR scans.
Several scans per specimen are averaged; SNV + first derivative, then PCA and an RBF SVM."""
import numpy as np
import pandas as pd
from scipy.signal import savgol_filter
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SCANS = "nir/scans_950_1650nm.csv"
META = "nir/specimens.csv"


def snv(spectra):
    mu = spectra.mean(axis=1, keepdims=True)
    sd = spectra.std(axis=1, keepdims=True)
    return (spectra - mu) / sd


def load_specimen_spectra():
    scans = pd.read_csv(SCANS)
    meta = pd.read_csv(META)[["specimen_id", "species"]]
    wl_cols = [c for c in scans.columns if c.startswith("nm_")]
    per_specimen = scans.groupby("specimen_id")[wl_cols].mean()
    per_specimen = per_specimen.join(meta.set_index("specimen_id"), how="inner")
    counts = per_specimen["species"].value_counts()
    keep = counts[counts >= 8].index
    per_specimen = per_specimen[per_specimen["species"].isin(keep)]
    return per_specimen[wl_cols].to_numpy(), per_specimen["species"].to_numpy(), wl_cols


X_raw, species, wavelengths = load_specimen_spectra()
print(f"{len(species)} specimens, {len(wavelengths)} wavelengths")
print(pd.Series(species).value_counts())

X = savgol_filter(snv(X_raw), window_length=15, polyorder=2, deriv=1, axis=1)

X_scaled = StandardScaler().fit_transform(X)
X_scores = PCA(n_components=25, random_state=0).fit_transform(X_scaled)

X_train, X_test, y_train, y_test = train_test_split(
    X_scores, species, test_size=0.25, stratify=species, random_state=0
)

search = GridSearchCV(
    SVC(kernel="rbf", class_weight="balanced"),
    param_grid={"C": [1, 3, 10, 30, 100], "gamma": ["scale", 0.01, 0.003, 0.001]},
    cv=StratifiedKFold(5, shuffle=True, random_state=0),
    scoring="balanced_accuracy",
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best:", search.best_params_, f"cv={search.best_score_:.3f}")

pred = search.predict(X_test)
print(classification_report(y_test, pred, digits=3))
labels = np.unique(species)
print(pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels))
