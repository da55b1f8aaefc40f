# label: leakage/none
"""Classify espresso grinder burr sets as worn or serviceable from acoustic band energies during a grind."""
import numpy as np
import pandas as pd
from sklearn.decomposition import FastICA
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

recordings = pd.read_parquet("grinder_acoustic_bands.parquet")
service = pd.read_csv("burr_service_records.csv")

df = recordings.merge(
    service[["recording_id", "burr_state"]], on="recording_id", how="inner"
)
df = df[df["burr_state"].isin(["serviceable", "worn"])].reset_index(drop=True)
df["worn"] = (df["burr_state"] == "worn").astype(int)

band_cols = [c for c in df.columns if c.startswith("band_")]
print(f"{len(df)} recordings, {len(band_cols)} bands, {df['grinder_id'].nunique()} grinders")

# log energies, relative to the total so loudness of the room cancels out
bands = np.log(df[band_cols].clip(lower=1e-9).to_numpy())
bands = bands - np.log(df[band_cols].sum(axis=1).to_numpy())[:, None]

extra = df[["grind_setting", "dose_g", "grind_seconds", "motor_amp"]].to_numpy()
X = np.hstack([bands, extra])
y = df["worn"].to_numpy()

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=2)
train_idx, test_idx = next(gss.split(X, y, groups=df["grinder_id"]))
X_train, X_test = X[train_idx], X[test_idx]
y_train, y_test = y[train_idx], y[test_idx]

clf = make_pipeline(
    StandardScaler(),
    FastICA(n_components=16, whiten="unit-variance", max_iter=1000, random_state=2),
    SVC(kernel="rbf", C=3.0, gamma="scale", class_weight="balanced", probability=True,
        random_state=2),
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC           : {roc_auc_score(y_test, proba):.3f}")
print(f"balanced accuracy : {balanced_accuracy_score(y_test, pred):.3f}")
print(confusion_matrix(y_test, pred))
