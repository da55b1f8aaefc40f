# label: leakage/none
"""Flag mooring wire rope sections likely to have broken outer strands.

Rows are 10 m rope sections from the most recent electromagnetic (LMA/LF)
inspection of each floating-production mooring line, joined with rope history.
The label comes from the follow-up ROV visual inspection.
"""
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import (
    average_precision_score,
    classification_report,
    confusion_matrix,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("wire_rope")

FEATURES = [
    "lma_loss_pct",
    "lf_peak_amplitude",
    "lf_peak_count",
    "diameter_reduction_pct",
    "lay_length_change_pct",
    "rope_age_years",
    "fairlead_distance_m",
    "bending_cycles_k",
    "mean_tension_kn",
    "tension_std_kn",
    "splash_zone",
    "days_since_relubrication",
    "water_depth_m",
]
TARGET = "broken_strands_found"


def load_sections(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET])
    df["splash_zone"] = df["splash_zone"].astype(int)
    df[TARGET] = (df[TARGET] > 0).astype(int)
    return df


def build_classifier() -> XGBClassifier:
    return XGBClassifier(
        n_estimators=400,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        min_child_weight=3,
        eval_metric="aucpr",
        n_jobs=-1,
        random_state=17,
    )


def evaluate(model, X_test, y_test, threshold: float = 0.5) -> None:
    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= threshold).astype(int)
    log.info("ROC AUC  %.4f", roc_auc_score(y_test, proba))
    log.info("PR AUC   %.4f", average_precision_score(y_test, proba))
    print(confusion_matrix(y_test, pred))
    print(classification_report(y_test, pred, digits=3))


def main() -> None:
    df = load_sections("data/mooring_rope_sections.csv")
    X = df[FEATURES].fillna(0.0).to_numpy()
    y = df[TARGET].to_numpy()
    log.info("sections: %d, with broken strands: %d", len(y), int(y.sum()))

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=17
    )
    X_train, y_train = SMOTE(k_neighbors=5, random_state=17).fit_resample(X_train, y_train)
    log.info("train after resampling: %d rows, positive share %.2f", len(y_train), y_train.mean())

    model = build_classifier()
    model.fit(X_train, y_train)
    evaluate(model, X_test, y_test)

    gain = model.get_booster().get_score(importance_type="gain")
    names = {f"f{i}": name for i, name in enumerate(FEATURES)}
    ranked = sorted(((names[k], v) for k, v in gain.items()), key=lambda kv: -kv[1])
    for name, value in ranked[:8]:
        print(f"{name:28s} {value:8.2f}")
    np.save("outputs/rope_section_feature_gain.npy", np.array([v for _, v in ranked]))


if __name__ == "__main__":
    main()
