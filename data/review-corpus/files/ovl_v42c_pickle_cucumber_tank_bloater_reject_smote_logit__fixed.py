# label: leakage/none
"""Brined cucumber fermentation tanks: which tanks will be downgraded for bloaters
(hollow, gas-filled fruit) at the end of fermentation.

tank_batches.csv is the QA export, one row per filled tank. A tank is rejected for
the whole-pickle line when the bloater count in the exit sample exceeds 8 %.
"""
import sys

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

NUMERIC = [
    "brine_nacl_pct", "cacl2_mm", "acetic_added_pct", "purge_air_l_min",
    "brine_temp_c", "harvest_to_brine_h", "fill_depth_m", "fruit_diameter_mm",
    "initial_brine_ph", "intake_firmness_n",
]
CATEGORICAL = ["cultivar", "size_grade", "grower_region"]


def load_tanks(path):
    tanks = pd.read_csv(path)
    tanks = tanks.dropna(subset=["bloater_pct"])
    tanks["rejected"] = (tanks["bloater_pct"] > 8.0).astype(int)
    tanks["purge_air_l_min"] = tanks["purge_air_l_min"].fillna(0.0)
    tanks["acetic_added_pct"] = tanks["acetic_added_pct"].fillna(0.0)
    return tanks


def design_matrix(tanks):
    X = pd.get_dummies(tanks[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=float)
    return X, tanks["rejected"].to_numpy()


def summarise(y_true, proba, threshold=0.5):
    pred = (proba >= threshold).astype(int)
    print(f"ROC AUC: {roc_auc_score(y_true, proba):.3f}")
    print(confusion_matrix(y_true, pred))
    print(classification_report(y_true, pred, target_names=["accepted", "rejected"], digits=3))


def main(path="data/tank_batches.csv"):
    tanks = load_tanks(path)
    print(f"{len(tanks)} tanks, reject rate {tanks['rejected'].mean():.2%}")
    X, y = design_matrix(tanks)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=42
    )
    X_train, y_train = SMOTE(k_neighbors=5, random_state=42).fit_resample(X_train, y_train)

    clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
    clf.fit(X_train, y_train)
    summarise(y_test, clf.predict_proba(X_test)[:, 1])

    coefs = pd.Series(clf[-1].coef_[0], index=X.columns)
    print("strongest effects (standardised):")
    print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(10).round(3))


if __name__ == "__main__":
    main(*sys.argv[1:])
