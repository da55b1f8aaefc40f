# label: leakage/none
"""Chondrite group classification from bulk chemistry: LDA projection + k-NN."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler, FunctionTransformer

ELEMENTS = ["fe_wt", "ni_wt", "co_ppm", "cr_ppm", "mn_ppm", "ga_ppm", "ir_ppb",
            "na_ppm", "zn_ppm", "se_ppm"]
PHYS = ["grain_density", "bulk_density", "log_mag_susc", "porosity_pct"]
MIN_PER_GROUP = 12


def read_catalogue(path="data/chondrite_analyses.csv"):
    cat = pd.read_csv(path)
    cat = cat[cat["weathering_grade"].isin(["W0", "W1", "W2"])]
    cat = cat.dropna(subset=ELEMENTS + PHYS + ["group"])
    counts = cat["group"].value_counts()
    cat = cat[cat["group"].isin(counts[counts >= MIN_PER_GROUP].index)]
    return cat.reset_index(drop=True)


def log_ratio(X):
    X = np.asarray(X, dtype=float).copy()
    X[:, : len(ELEMENTS)] = np.log10(np.clip(X[:, : len(ELEMENTS)], 1e-3, None))
    return X


cat = read_catalogue()
print(cat["group"].value_counts())
X = cat[ELEMENTS + PHYS].to_numpy()
y = cat["group"].to_numpy()

X_log = log_ratio(X)

results = {}
for k in (3, 5, 9):
    knn = Pipeline([("lda", LinearDiscriminantAnalysis(n_components=4)),
                    ("sc", StandardScaler()),
                    ("knn", KNeighborsClassifier(n_neighbors=k, weights="distance"))])
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    res = cross_validate(knn, X_log, y, cv=cv, scoring=["accuracy", "balanced_accuracy", "f1_macro"])
    results[k] = {m: res[f"test_{m}"].mean() for m in ("accuracy", "balanced_accuracy", "f1_macro")}

print(pd.DataFrame(results).T.round(3))

lda = LinearDiscriminantAnalysis(n_components=4).fit(X_log, y)
Z = lda.transform(X_log)
print("explained:", np.round(lda.explained_variance_ratio_, 3))

fig, ax = plt.subplots(figsize=(6, 5))
for g in np.unique(y):
    m = y == g
    ax.scatter(Z[m, 0], Z[m, 1], s=10, label=g, alpha=0.7)
ax.set_xlabel("LD1")
ax.set_ylabel("LD2")
ax.legend(fontsize=7, ncol=2)
fig.tight_layout()
fig.savefig("chondrite_ld_space.png", dpi=130)
