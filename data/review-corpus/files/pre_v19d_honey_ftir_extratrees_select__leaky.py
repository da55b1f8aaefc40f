# label: leakage/preprocessing
"""Syrup adulteration in retail honey jars from FTIR-ATR spectra (isotope-lab verdicts as labels)."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.feature_selection import SelectFromModel
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SPECTRA = "data/honey_ftir_scans.csv"
META = "data/honey_samples.csv"
WN_RANGE = (900.0, 1500.0)


def read_spectra():
    scans = pd.read_csv(SPECTRA)
    wn_cols = [c for c in scans.columns if c.startswith("wn_")]
    keep = [c for c in wn_cols if WN_RANGE[0] <= float(c[3:]) <= WN_RANGE[1]]
    per_sample = scans.groupby("sample_id")[keep].mean()
    meta = pd.read_csv(META).set_index("sample_id")
    data = per_sample.join(meta[["adulterated", "botanical_origin"]], how="inner")
    return data, keep


def snv(block):
    arr = np.asarray(block, dtype=float)
    return (arr - arr.mean(axis=1, keepdims=True)) / arr.std(axis=1, keepdims=True)


data, bands = read_spectra()
print(data["adulterated"].value_counts(), data["botanical_origin"].nunique(), "origins")

X = snv(data[bands])
y = data["adulterated"].to_numpy()

selector = SelectFromModel(
    ExtraTreesClassifier(n_estimators=500, max_features="sqrt", random_state=4),
    threshold="1.5*mean")
X_sel = selector.fit_transform(X, y)
picked = np.array(bands)[selector.get_support()]
print(f"{len(picked)} of {len(bands)} bands kept")

clf = Pipeline([
    ("scale", StandardScaler()),
    ("svc", SVC(C=10.0, gamma="scale", class_weight="balanced")),
])
cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=4)
scores = cross_validate(clf, X_sel, y, cv=cv,
                        scoring={"acc": "accuracy", "auc": "roc_auc", "rec": "recall"})
for key in ("acc", "auc", "rec"):
    vals = scores[f"test_{key}"]
    print(f"{key}: {vals.mean():.3f} +/- {vals.std():.3f}")

wn = np.array([float(b[3:]) for b in bands])
fig, ax = plt.subplots(figsize=(9, 3.5))
ax.plot(wn, X[y == 0].mean(axis=0), label="pure")
ax.plot(wn, X[y == 1].mean(axis=0), label="adulterated")
for b in picked:
    ax.axvline(float(b[3:]), color="grey", alpha=0.15)
ax.set_xlabel("wavenumber (cm-1)")
ax.legend()
fig.tight_layout()
fig.savefig("honey_bands.png", dpi=120)
