# label: leakage/none
"""Dross on the underside of fibre-laser cuts, predicted from the in-process
photodiode spectrum (64 bands, mean over the cut) plus the machine settings."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.cluster import FeatureAgglomeration
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import ConfusionMatrixDisplay, balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SETTINGS = {
    "path": "data/cut_log_with_spectra.parquet",
    "n_band_groups": 12,
    "test_size": 0.25,
    "seed": 8,
}
PROCESS = ["power_w", "speed_mm_s", "focus_mm", "gas_bar", "nozzle_mm", "sheet_mm", "pierce_ms"]
MATERIALS = ["mild_steel", "stainless", "aluminium", "brass"]


def load_cuts(path):
    cuts = pd.read_parquet(path)
    cuts = cuts[cuts["material"].isin(MATERIALS)].reset_index(drop=True)
    for m in MATERIALS:
        cuts[f"mat_{m}"] = (cuts["material"] == m).astype(float)
    cuts["energy_per_mm"] = cuts["power_w"] / cuts["speed_mm_s"]
    return cuts


def band_columns(frame):
    return sorted([c for c in frame.columns if c.startswith("pd_band_")],
                  key=lambda c: int(c.rsplit("_", 1)[1]))


cuts = load_cuts(SETTINGS["path"])
bands = band_columns(cuts)
print(f"{len(cuts)} cuts, {len(bands)} spectral bands, dross rate {cuts['dross'].mean():.3f}")

spectra = np.log1p(cuts[bands].to_numpy())
tabular = cuts[PROCESS + ["energy_per_mm"] + [f"mat_{m}" for m in MATERIALS]].to_numpy()
y = cuts["dross"].to_numpy()

tab_train, tab_test, spec_train, spec_test, y_train, y_test = train_test_split(
    tabular, spectra, y, test_size=SETTINGS["test_size"], stratify=y, random_state=SETTINGS["seed"]
)

agglo = FeatureAgglomeration(n_clusters=SETTINGS["n_band_groups"], linkage="ward")
agglo.fit(spec_train)
group_cols = [f"band_group_{i}" for i in range(SETTINGS["n_band_groups"])]

X_train = np.hstack([tab_train, agglo.transform(spec_train)])
X_test = np.hstack([tab_test, agglo.transform(spec_test)])
names = PROCESS + ["energy_per_mm"] + [f"mat_{m}" for m in MATERIALS] + group_cols

scaler = StandardScaler().fit(X_train)
clf = LogisticRegressionCV(Cs=12, cv=5, penalty="l2", scoring="roc_auc", max_iter=5000)
clf.fit(scaler.transform(X_train), y_train)

proba = clf.predict_proba(scaler.transform(X_test))[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"test ROC AUC      {roc_auc_score(y_test, proba):.3f}")
print(f"balanced accuracy {balanced_accuracy_score(y_test, pred):.3f}")

coef = pd.Series(clf.coef_.ravel(), index=names).sort_values()
print(coef.round(3).to_string())

for k in range(SETTINGS["n_band_groups"]):
    members = [bands[i] for i in np.where(agglo.labels_ == k)[0]]
    print(f"group {k:2d}: {members[0]} .. {members[-1]} ({len(members)} bands)")

fig, ax = plt.subplots(figsize=(4, 4))
ConfusionMatrixDisplay.from_predictions(y_test, pred, ax=ax, display_labels=["clean", "dross"])
fig.savefig("figures/dross_confusion.png", dpi=120)
