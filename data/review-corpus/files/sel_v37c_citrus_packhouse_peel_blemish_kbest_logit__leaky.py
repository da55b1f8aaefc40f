# label: leakage/selection
"""Blemish reject model for the citrus packhouse optical grader.

Each row is one fruit imaged on the singulator lanes. Features are the colour,
texture and shape summaries exported by the grader software; the label comes
from the hand-sort QC table at the end of the line.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

FEATURE_PREFIXES = ("hue_", "sat_", "val_", "tex_", "shape_", "nir_")
K_GRID = [5, 10, 15, 25, 40, "all"]


def load_grader_export(path):
    df = pd.read_csv(path)
    df = df[(df["fruit_detected"] == 1) & (df["lane_status"] == "ok")].copy()
    df["blemish_reject"] = df["qc_grade"].isin(["C", "juice"]).astype(int)
    feature_cols = [c for c in df.columns if c.startswith(FEATURE_PREFIXES)]
    df[feature_cols] = df[feature_cols].fillna(0.0)
    return df, feature_cols


def build_model(k):
    return Pipeline([
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif, k=k)),
        ("clf", LogisticRegression(max_iter=2000, class_weight="balanced", C=0.5)),
    ])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/grader_export_navel_2023.csv")
    parser.add_argument("--out", default="reports/peel_blemish_logit.json")
    args = parser.parse_args()

    df, feature_cols = load_grader_export(args.data)
    X = df[feature_cols].to_numpy()
    y = df["blemish_reject"].to_numpy()
    print(f"{len(df)} fruit, {y.mean():.1%} blemish rejects, {len(feature_cols)} grader features")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=7
    )

    auc_by_k = {}
    for k in K_GRID:
        model = build_model(k).fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        auc_by_k[k] = roc_auc_score(y_test, proba)
        print(f"k={k}: AUC {auc_by_k[k]:.4f}")

    best_k = max(auc_by_k, key=auc_by_k.get)
    model = build_model(best_k).fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)

    auc = roc_auc_score(y_test, proba)
    ap = average_precision_score(y_test, proba)
    print(f"\nselected k = {best_k}")
    print(f"test AUC {auc:.4f}  average precision {ap:.4f}")
    print(classification_report(y_test, pred, target_names=["pack", "reject"]))

    support = model.named_steps["select"].get_support()
    kept = [c for c, s in zip(feature_cols, support) if s]
    coefs = model.named_steps["clf"].coef_.ravel()
    ranked = sorted(zip(kept, coefs), key=lambda t: -abs(t[1]))
    for name, w in ranked[:10]:
        print(f"  {name:<24s} {w:+.3f}")

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "k": best_k,
        "auc": float(auc),
        "average_precision": float(ap),
        "features": kept,
        "n_test": int(len(y_test)),
    }, indent=2))


if __name__ == "__main__":
    main()
