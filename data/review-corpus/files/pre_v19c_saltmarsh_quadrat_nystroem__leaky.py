# label: leakage/preprocessing
"""Vegetation zone classifier for the estuary saltmarsh transects.

Inputs are drone multispectral reflectances averaged over each 1 m quadrat plus
elevation from the RTK survey; labels come from the botanists' quadrat sheets.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.kernel_approximation import Nystroem
from sklearn.svm import LinearSVC
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, f1_score, ConfusionMatrixDisplay

BANDS = ["blue", "green", "red", "red_edge", "nir"]
ZONES = ["mudflat", "pioneer", "low_marsh", "mid_marsh", "high_marsh", "reedbed"]


def spectral_indices(df):
    eps = 1e-6
    df["ndvi"] = (df["nir"] - df["red"]) / (df["nir"] + df["red"] + eps)
    df["ndre"] = (df["nir"] - df["red_edge"]) / (df["nir"] + df["red_edge"] + eps)
    df["gndvi"] = (df["nir"] - df["green"]) / (df["nir"] + df["green"] + eps)
    df["brightness"] = df[BANDS].mean(axis=1)
    return df


quadrats = pd.read_csv("data/saltmarsh_quadrats_2024.csv")
quadrats = quadrats[quadrats["zone"].isin(ZONES)]
quadrats = quadrats.dropna(subset=BANDS + ["elevation_m", "tidal_inundation_hrs"])
quadrats = spectral_indices(quadrats)

cols = BANDS + ["ndvi", "ndre", "gndvi", "brightness", "elevation_m", "slope_deg",
                "dist_to_creek_m", "tidal_inundation_hrs"]
X = quadrats[cols].to_numpy()
y = quadrats["zone"].to_numpy()
print(pd.Series(y).value_counts())

feature_map = make_pipeline(
    StandardScaler(),
    Nystroem(kernel="rbf", gamma=0.15, n_components=400, random_state=0),
)
Z = feature_map.fit_transform(X)

Z_train, Z_test, y_train, y_test = train_test_split(
    Z, y, test_size=0.25, stratify=y, random_state=8
)

results = {}
for C in (0.1, 1.0, 10.0):
    svc = LinearSVC(C=C, class_weight="balanced", max_iter=20000)
    svc.fit(Z_train, y_train)
    results[C] = svc
    print(f"C={C:<5} train macro-F1={f1_score(y_train, svc.predict(Z_train), average='macro'):.3f}")

clf = results[1.0]
pred = clf.predict(Z_test)
print(classification_report(y_test, pred, labels=ZONES, digits=3))
print("macro-F1 (test):", round(f1_score(y_test, pred, average="macro"), 3))

ConfusionMatrixDisplay.from_predictions(y_test, pred, labels=ZONES, xticks_rotation=45)
plt.tight_layout()
plt.savefig("figures/saltmarsh_confusion.png", dpi=150)
