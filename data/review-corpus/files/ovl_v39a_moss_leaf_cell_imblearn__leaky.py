# label: leakage/overlap
"""Identify Sphagnum species from leaf-cell morphometrics.

Measurements come from the herbarium's image-analysis macro run on
branch-leaf slides (hyaline cell length/width, pore counts, chlorophyllose
cell shape), averaged over ten leaves so each row is one specimen.
Several bog species are badly under-represented, so the minority classes
are synthesised with SMOTE before fitting.
"""
import sys

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import SVC

MIN_SPECIMENS = 12

MORPH_COLS = [
    "hyaline_len_um", "hyaline_wid_um", "hyaline_aspect",
    "pores_per_cell_dorsal", "pores_per_cell_ventral", "pore_diam_um",
    "fibril_count", "chloro_width_um", "chloro_exposed_dorsal",
    "chloro_exposed_ventral", "leaf_len_mm", "leaf_wid_mm",
    "border_cells", "stem_cortex_layers",
]


def load_measurements(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=MORPH_COLS + ["species"])
    df["hyaline_aspect"] = df["hyaline_len_um"] / df["hyaline_wid_um"]
    counts = df["species"].value_counts()
    keep = counts[counts >= MIN_SPECIMENS].index
    dropped = sorted(set(counts.index) - set(keep))
    if dropped:
        print(f"dropping {len(dropped)} species with < {MIN_SPECIMENS} specimens: {dropped}")
    return df[df["species"].isin(keep)].reset_index(drop=True)


def main(path="herbarium/sphagnum_leaf_morphometrics.csv"):
    df = load_measurements(path)
    enc = LabelEncoder()
    y = enc.fit_transform(df["species"])
    X = df[MORPH_COLS].to_numpy(dtype=float)
    print(pd.Series(enc.inverse_transform(y)).value_counts().to_string())

    X_res, y_res = SMOTE(k_neighbors=5, random_state=0).fit_resample(X, y)

    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.25, stratify=y_res, random_state=0
    )

    model = make_pipeline(
        StandardScaler(),
        SVC(kernel="rbf", C=8.0, gamma="scale"),
    )
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    print(f"\nbalanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
    print(classification_report(y_test, pred, target_names=enc.classes_, digits=3, zero_division=0))

    per_species = pd.DataFrame({
        "species": enc.inverse_transform(y_test),
        "hit": pred == y_test,
    }).groupby("species")["hit"].agg(["size", "mean"])
    print(per_species.sort_values("mean").round(3).to_string())
    return model


if __name__ == "__main__":
    main(*sys.argv[1:])
