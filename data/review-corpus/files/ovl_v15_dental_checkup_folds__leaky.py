# label: leakage/overlap
# twin: ovl_v15_dental_checkup_folds__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Predict whether a dental check-up is followed by a restorative procedure within 12 months."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold

RECORDS = "data/dental/checkups_2016_2023.csv"
CAT_COLS = ["clinic_id", "insurance_tier", "hygienist_grade", "fluoride_area"]
NUM_COLS = ["age", "plaque_index", "bleeding_on_probing_pct", "pocket_depth_max_mm",
            "dmft_score", "months_since_last_visit", "sugar_intake_score",
            "xray_caries_flags", "sealants_present"]
TARGET = "restorative_within_12m"


def load_checkups(path):
    df = pd.read_csv(path, parse_dates=["visit_date"])
    df = df[df["visit_date"] < "2023-01-01"].reset_index(drop=True)  # full 12-month follow-up
    df[CAT_COLS] = df[CAT_COLS].astype(str)
    return df


def run_cv(df, n_splits=5):
    X, y = df[CAT_COLS + NUM_COLS], df[TARGET].to_numpy()
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=0).split(X, y)
    oof = np.zeros(len(df))
    aucs = []
    for k, (tr, va) in enumerate(folds):
        model = CatBoostClassifier(
            iterations=800, depth=6, learning_rate=0.05, loss_function="Logloss",
            cat_features=CAT_COLS, random_seed=k, verbose=0,
        )
        model.fit(X.iloc[tr], y[tr])
        oof[va] = model.predict_proba(X.iloc[va])[:, 1]
        aucs.append(roc_auc_score(y[va], oof[va]))
        print(f"fold {k}: AUC={aucs[-1]:.4f}  n_val={len(va)}")
    return oof, aucs


def main():
    checkups = load_checkups(RECORDS)
    print(f"{len(checkups)} check-ups from {checkups['patient_id'].nunique()} patients")
    oof, aucs = run_cv(checkups)
    print(f"CV AUC {np.mean(aucs):.4f} +/- {np.std(aucs):.4f}")
    print(f"pooled OOF AUC {roc_auc_score(checkups[TARGET], oof):.4f}")
    by_clinic = (
        checkups.assign(oof_score=oof)
        .groupby("clinic_id")
        .apply(lambda g: roc_auc_score(g[TARGET], g["oof_score"]) if g[TARGET].nunique() > 1 else np.nan)
    )
    print(by_clinic.describe())
    checkups.assign(oof_score=oof)[["patient_id", "visit_date", "oof_score"]].to_csv(
        "outputs/dental_oof.csv", index=False
    )


if __name__ == "__main__":
    main()
