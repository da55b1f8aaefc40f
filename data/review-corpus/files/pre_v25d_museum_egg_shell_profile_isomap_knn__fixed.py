# label: leakage/none
"""Identify the bird family of museum eggs from shell shape profiles using an Isomap embedding and k-NN."""
import numpy as np
import pandas as pd
from sklearn.manifold import Isomap
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

PROFILE_COLS = [f"radius_{i:02d}" for i in range(20)]


def load_eggs(path, min_per_family=15):
    eggs = pd.read_csv(path)
    eggs = eggs.dropna(subset=PROFILE_COLS + ["length_mm", "breadth_mm", "family"])
    counts = eggs["family"].value_counts()
    eggs = eggs[eggs["family"].isin(counts[counts >= min_per_family].index)]
    return eggs.reset_index(drop=True)


def shape_features(eggs):
    radii = eggs[PROFILE_COLS].to_numpy()
    radii = radii / radii.max(axis=1, keepdims=True)  # size-free profile
    elong = (eggs["length_mm"] / eggs["breadth_mm"]).to_numpy()[:, None]
    half = radii.shape[1] // 2
    asym = (radii[:, :half].mean(axis=1) - radii[:, half:].mean(axis=1))[:, None]
    pointed = (radii[:, -3:].mean(axis=1) / radii[:, :3].mean(axis=1))[:, None]
    log_vol = np.log(eggs["length_mm"] * eggs["breadth_mm"] ** 2).to_numpy()[:, None]
    return np.hstack([radii, elong, asym, pointed, log_vol])


eggs = load_eggs("oology_collection_profiles.csv")
X = shape_features(eggs)
y = eggs["family"].to_numpy()
print(X.shape, len(np.unique(y)), "families")

# eggs from one clutch stay together
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=21)
train_idx, test_idx = next(gss.split(X, y, groups=eggs["clutch_id"]))
y_train, y_test = y[train_idx], y[test_idx]

scaler = StandardScaler()
embedder = Isomap(n_neighbors=12, n_components=6)
Z_train = embedder.fit_transform(scaler.fit_transform(X[train_idx]))
Z_test = embedder.transform(scaler.transform(X[test_idx]))

knn = KNeighborsClassifier(n_neighbors=7, weights="distance")
knn.fit(Z_train, y_train)
pred = knn.predict(Z_test)

print(f"accuracy  {accuracy_score(y_test, pred):.3f}")
print(f"macro F1  {f1_score(y_test, pred, average='macro'):.3f}")
report = pd.DataFrame({"family": y_test, "hit": pred == y_test})
print(report.groupby("family")["hit"].agg(["mean", "size"]).sort_values("size", ascending=False))
