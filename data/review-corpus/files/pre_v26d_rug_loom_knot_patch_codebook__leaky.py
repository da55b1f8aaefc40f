# label: leakage/preprocessing
"""Classify finished hand-knotted rug scans as pass or rework using a bag-of-patches texture model."""
import numpy as np
import pandas as pd
from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.image import extract_patches_2d
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

PATCH = 9
N_WORDS = 96
rng = np.random.default_rng(21)

scans = np.load("rug_back_scans.npz")
images = scans["images"].astype(np.float32) / 255.0  # (n_rugs, 160, 160) greyscale
meta = pd.read_csv("rug_inspections.csv")  # one row per rug, same order as the scans
labels = meta["rework"].to_numpy().astype(int)
print(images.shape, f"rework rate {labels.mean():.1%}")


def sample_patches(img, n=250):
    patches = extract_patches_2d(img, (PATCH, PATCH), max_patches=n, random_state=int(rng.integers(1e9)))
    flat = patches.reshape(len(patches), -1)
    flat = flat - flat.mean(axis=1, keepdims=True)
    return flat / (flat.std(axis=1, keepdims=True) + 1e-3)


def dense_patches(img, step=4):
    h, w = img.shape
    rows = [img[r:r + PATCH, c:c + PATCH].ravel()
            for r in range(0, h - PATCH + 1, step) for c in range(0, w - PATCH + 1, step)]
    flat = np.asarray(rows)
    flat = flat - flat.mean(axis=1, keepdims=True)
    return flat / (flat.std(axis=1, keepdims=True) + 1e-3)


def encode(imgs, codebook):
    hists = np.zeros((len(imgs), N_WORDS), dtype=np.float32)
    for i, img in enumerate(imgs):
        words = codebook.predict(dense_patches(img))
        hists[i] = np.bincount(words, minlength=N_WORDS)
    hists /= hists.sum(axis=1, keepdims=True)
    return np.sqrt(hists)  # Hellinger mapping before the RBF kernel


# texture vocabulary from patches sampled across the scan archive
pool = np.vstack([sample_patches(img) for img in images])
codebook = MiniBatchKMeans(n_clusters=N_WORDS, batch_size=4096, n_init=3, random_state=21)
codebook.fit(pool)

idx = np.arange(len(images))
train_idx, test_idx = train_test_split(idx, test_size=0.25, stratify=labels, random_state=21)

H_train = encode(images[train_idx], codebook)
H_test = encode(images[test_idx], codebook)

clf = SVC(C=4.0, gamma="scale", class_weight="balanced")
clf.fit(H_train, labels[train_idx])
pred = clf.predict(H_test)

print(f"test rugs: {len(test_idx)}")
print(f"balanced accuracy: {balanced_accuracy_score(labels[test_idx], pred):.3f}")
print(f"rework F1: {f1_score(labels[test_idx], pred):.3f}")
print(confusion_matrix(labels[test_idx], pred))
