# label: leakage/preprocessing
"""Classify humpback versus minke whale calls from hydrophone clip spectral band energies."""
import numpy as np
import pandas as pd
from sklearn.cluster import FeatureAgglomeration
from sklearn.metrics import balanced_accuracy_score, confusion_matrix
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

clips = pd.read_parquet("hydrophone_clips.parquet")   # one row per detected call
labels = pd.read_csv("analyst_annotations.csv")       # clip_id, species

df = clips.merge(labels, on="clip_id", how="inner")
df = df[df["species"].isin(["humpback", "minke"])]
df = df[df["snr_db"] > 6].reset_index(drop=True)

band_cols = [c for c in df.columns if c.startswith("band_")]
bands = df[band_cols].to_numpy(dtype=np.float64)
bands = 10 * np.log10(bands + 1e-12)            # power to dB
bands = bands - bands.mean(axis=1, keepdims=True)  # per-clip level normalisation

extra = df[["duration_s", "peak_freq_hz", "freq_slope_hz_s", "snr_db"]].to_numpy()
y = (df["species"] == "humpback").astype(int).to_numpy()
groups = df["deployment_id"].to_numpy()

# merge neighbouring frequency bands into 24 pooled bands
agglo = FeatureAgglomeration(n_clusters=24, linkage="ward")
pooled = agglo.fit_transform(bands)
X = np.hstack([pooled, extra])

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=42)
train_idx, test_idx = next(gss.split(X, y, groups))
X_train, X_test = X[train_idx], X[test_idx]
y_train, y_test = y[train_idx], y[test_idx]

clf = make_pipeline(StandardScaler(), SVC(C=3.0, gamma="scale", class_weight="balanced"))
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(f"clips: {len(df)}  deployments: {len(np.unique(groups))}")
print(f"test balanced accuracy: {balanced_accuracy_score(y_test, pred):.4f}")
print(confusion_matrix(y_test, pred))
