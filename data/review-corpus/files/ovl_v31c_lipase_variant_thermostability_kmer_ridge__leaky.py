# label: leakage/overlap
"""Thermostability (Tm) regression for metagenome-mined lipase scaffolds.

The assay table holds DSF melting temperatures for the scaffolds and for the
point-mutant libraries built on them (`parent_id` is the scaffold a variant was
derived from). The model triages newly mined scaffolds before gene synthesis.
"""
import argparse
from itertools import product

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

AMINO = "ACDEFGHIKLMNPQRSTVWY"
DIPEPTIDES = ["".join(p) for p in product(AMINO, repeat=2)]
DIP_INDEX = {d: i for i, d in enumerate(DIPEPTIDES)}
HYDRO = dict(zip(AMINO, [1.8, 2.5, -3.5, -3.5, 2.8, -0.4, -3.2, 4.5, -3.9, 3.8,
                         1.9, -3.5, -1.6, -3.5, -4.5, -0.8, -0.7, 4.2, -0.9, -1.3]))


def featurise(seq):
    seq = seq.upper().replace("*", "")
    n = len(seq)
    comp = np.array([seq.count(a) / n for a in AMINO])
    dip = np.zeros(len(DIPEPTIDES))
    for i in range(n - 1):
        j = DIP_INDEX.get(seq[i:i + 2])
        if j is not None:
            dip[j] += 1
    dip /= max(n - 1, 1)
    hyd = np.mean([HYDRO.get(a, 0.0) for a in seq])
    charged = sum(seq.count(a) for a in "DEKR") / n
    ivywrel = sum(seq.count(a) for a in "IVYWREL") / n
    return np.concatenate([comp, dip, [n, hyd, charged, ivywrel]])


def load(path):
    df = pd.read_csv(path)
    df = df[df["dsf_quality"] >= 2].dropna(subset=["tm_celsius"])
    df = df.groupby("sequence", as_index=False).agg(
        tm_celsius=("tm_celsius", "mean"), parent_id=("parent_id", "first"))
    return df


def cross_validate(X, y, n_splits, seed):
    cv = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    preds = np.zeros_like(y)
    for fold, (tr, te) in enumerate(cv.split(X, y)):
        model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 4, 25)))
        model.fit(X[tr], y[tr])
        preds[te] = model.predict(X[te])
        rho = spearmanr(y[te], preds[te]).correlation
        print(f"fold {fold}: n={len(te):4d}  spearman={rho:.3f}")
    return preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--assays", default="data/lipase_dsf_assays.csv")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()

    df = load(args.assays)
    print(f"{len(df)} sequences from {df.parent_id.nunique()} scaffolds")
    X = np.vstack([featurise(s) for s in df["sequence"]])
    y = df["tm_celsius"].to_numpy(dtype=float)

    preds = cross_validate(X, y, args.folds, args.seed)
    rho = spearmanr(y, preds).correlation
    mae = np.mean(np.abs(y - preds))
    top = np.argsort(-preds)[: len(preds) // 10]
    hit_rate = np.mean(y[top] >= 60.0)
    print(f"overall spearman {rho:.3f}  MAE {mae:.2f} C  top-decile Tm>=60 rate {hit_rate:.2%}")


if __name__ == "__main__":
    main()
