# label: leakage/selection
# twin: sel_v14_bird_song_svm__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Classify bird species from pre-extracted song features (MFCC / chroma summaries)."""
import itertools
import logging

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import SVC

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("birdsong")

CONFIG = {
    "features_path": "data/birdsong/mfcc_summary.csv",
    "min_clips_per_species": 30,
    "test_size": 0.2,
    "seed": 13,
    "C_grid": [0.1, 1.0, 10.0, 100.0],
    "gamma_grid": ["scale", 0.01, 0.001],
}


def load_features(path, min_clips):
    df = pd.read_csv(path).dropna(subset=["species"])
    counts = df["species"].value_counts()
    df = df[df["species"].isin(counts[counts >= min_clips].index)]
    feature_cols = [c for c in df.columns if c.startswith(("mfcc_", "chroma_", "spec_"))]
    log.info("%d clips, %d species, %d features", len(df), df["species"].nunique(), len(feature_cols))
    return df[feature_cols].to_numpy(dtype=np.float32), df["species"].to_numpy()


def build_model(C, gamma):
    return make_pipeline(StandardScaler(), SVC(C=C, gamma=gamma, kernel="rbf"))


def pick_best_params(X_fit, y_fit, X_eval, y_eval, cfg):
    best, best_score = None, -np.inf
    for C, gamma in itertools.product(cfg["C_grid"], cfg["gamma_grid"]):
        model = build_model(C, gamma).fit(X_fit, y_fit)
        score = f1_score(y_eval, model.predict(X_eval), average="macro")
        log.info("C=%s gamma=%s macro-F1=%.4f", C, gamma, score)
        if score > best_score:
            best, best_score = (C, gamma), score
    return best


def main(cfg=CONFIG):
    X, species = load_features(cfg["features_path"], cfg["min_clips_per_species"])
    y = LabelEncoder().fit_transform(species)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    C, gamma = pick_best_params(X_train, y_train, X_test, y_test, cfg)
    log.info("selected C=%s gamma=%s", C, gamma)

    final = build_model(C, gamma).fit(X_train, y_train)
    preds = final.predict(X_test)
    print(f"test accuracy: {accuracy_score(y_test, preds):.4f}")
    print(f"test macro-F1: {f1_score(y_test, preds, average='macro'):.4f}")


if __name__ == "__main__":
    main()
