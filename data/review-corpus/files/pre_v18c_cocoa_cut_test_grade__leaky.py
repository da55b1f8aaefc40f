# label: leakage/preprocessing
"""Cut-test grade for cocoa bean lots from a bench NIR + chemistry panel.

Grades (from the cut test): well_fermented / partly_fermented / slaty_or_defective.
Linear models on raw absorbances underfit, so we use an approximate RBF feature map.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.kernel_approximation import Nystroem
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay, balanced_accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CONFIG = {
    "panel": "data/cocoa_lots_panel.csv",
    "wavebands": (1100, 2500, 8),
    "kernel": {"kernel": "rbf", "gamma": 0.02, "n_components": 400, "random_state": 4},
    "logreg_C": 2.0,
    "test_size": 0.25,
}

GRADES = ["well_fermented", "partly_fermented", "slaty_or_defective"]


def band_columns(lo, hi, step):
    return [f"nm_{w}" for w in range(lo, hi + 1, step)]


def spectral_block(df, cols):
    A = df[cols].to_numpy(dtype=float)
    A = A - A.mean(axis=1, keepdims=True)  # per-spectrum offset removal
    d1 = np.gradient(A, axis=1)
    return np.hstack([A, d1])


def chemistry_block(df):
    chem = df[["moisture_pct", "ph_nib", "titratable_acidity", "fat_pct", "bean_count_100g"]]
    return np.log1p(chem.clip(lower=0).to_numpy(dtype=float))


lots = pd.read_csv(CONFIG["panel"])
lots = lots[lots["cut_test_grade"].isin(GRADES)].reset_index(drop=True)
print(lots["cut_test_grade"].value_counts())
print(lots.groupby("origin_country")["cut_test_grade"].agg(lambda s: (s == "well_fermented").mean()).round(2))

cols = band_columns(*CONFIG["wavebands"])
X_raw = np.hstack([spectral_block(lots, cols), chemistry_block(lots)])
y = lots["cut_test_grade"].map({g: i for i, g in enumerate(GRADES)}).to_numpy()

feature_map = Nystroem(**CONFIG["kernel"])
Z = feature_map.fit_transform(X_raw)

Z_train, Z_test, y_train, y_test = train_test_split(
    Z, y, test_size=CONFIG["test_size"], stratify=y, random_state=8
)

clf = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=CONFIG["logreg_C"], max_iter=5000, class_weight="balanced"),
)
clf.fit(Z_train, y_train)
pred = clf.predict(Z_test)

print("balanced accuracy:", round(balanced_accuracy_score(y_test, pred), 4))
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))

ConfusionMatrixDisplay.from_predictions(y_test, pred, display_labels=GRADES, xticks_rotation=30)
plt.tight_layout()
plt.savefig("figures/cocoa_cut_test_confusion.png", dpi=110)
