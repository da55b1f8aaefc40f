# label: leakage/none
"""Blanket smash risk on the web offset presses.

A blanket smash (paper wad or fold-over crushing the blanket) stops the press
for a blanket change. Each row is one print job; the pressroom wants a risk
score at make-ready so the crew can slow down or change paper handling.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import (
    average_precision_score,
    classification_report,
    confusion_matrix,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

SEED = 42

FEATURES = [
    "paper_gsm",
    "web_width_mm",
    "target_speed_iph",
    "ink_coverage_pct",
    "pressroom_humidity_pct",
    "pressroom_temp_c",
    "blanket_impressions_k",
    "splices_planned",
    "reel_core_moisture_pct",
    "fold_sections",
    "coated_stock",
    "crew_size",
    "night_shift",
]


def load_jobs(path: str) -> pd.DataFrame:
    jobs = pd.read_csv(path)
    jobs = jobs[jobs["job_status"] == "completed"].copy()
    jobs["coated_stock"] = (jobs["stock_type"] == "coated").astype(int)
    jobs["night_shift"] = jobs["shift"].eq("night").astype(int)
    jobs["blanket_impressions_k"] = jobs["blanket_impressions"] / 1000.0
    return jobs.dropna(subset=FEATURES + ["blanket_smash"])


def main() -> None:
    jobs = load_jobs("press_jobs_2019_2024.csv")
    X = jobs[FEATURES].to_numpy()
    y = jobs["blanket_smash"].astype(int).to_numpy()
    print(f"{len(y)} jobs, smash rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=SEED
    )

    # Smashes are rare; balance the classes for the forest
    ros = RandomOverSampler(random_state=SEED)
    X_train, y_train = ros.fit_resample(X_train, y_train)

    forest = RandomForestClassifier(
        n_estimators=600,
        max_depth=None,
        min_samples_leaf=2,
        max_features="sqrt",
        n_jobs=-1,
        random_state=SEED,
    )
    forest.fit(X_train, y_train)

    proba = forest.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)

    print(f"ROC AUC : {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC  : {average_precision_score(y_test, proba):.3f}")
    print(confusion_matrix(y_test, pred))
    print(classification_report(y_test, pred, digits=3))

    ranking = pd.Series(forest.feature_importances_, index=FEATURES)
    print(ranking.sort_values(ascending=False).round(4).to_string())


if __name__ == "__main__":
    main()
