# label: leakage/overlap
# twin: ovl_v14_coffee_roast_smote__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Detect defective coffee roast batches (scorching / baking) from roaster telemetry summaries."""
from pathlib import Path

import joblib
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report
from sklearn.model_selection import train_test_split

CFG = {
    "telemetry": "data/roastery/batch_profiles.parquet",
    "labels": "data/roastery/cupping_labels.csv",
    "model_out": "models/roast_defect_gbm.joblib",
    "seed": 3,
    "smote_k": 5,
}

PROFILE_FEATURES = [
    "charge_temp", "turning_point_temp", "turning_point_s", "dry_end_s", "first_crack_s",
    "drop_temp", "development_ratio", "ror_max", "ror_at_fc", "ror_crash_depth",
    "gas_mean", "airflow_mean", "bean_moisture", "bean_density", "batch_kg",
]


def load_batches(cfg):
    profiles = pd.read_parquet(cfg["telemetry"])
    labels = pd.read_csv(cfg["labels"], usecols=["batch_id", "defect"])
    df = profiles.merge(labels, on="batch_id", how="inner")
    df["is_defect"] = (df["defect"] != "none").astype(int)
    return df.dropna(subset=PROFILE_FEATURES)


def balance(X, y, cfg):
    sm = SMOTE(k_neighbors=cfg["smote_k"], random_state=cfg["seed"])
    X_res, y_res = sm.fit_resample(X, y)
    print(f"resampled {len(y)} -> {len(y_res)} rows, positives {int(y.sum())} -> {int(y_res.sum())}")
    return X_res, y_res


def main(cfg=CFG):
    df = load_batches(cfg)
    X, y = df[PROFILE_FEATURES], df["is_defect"]
    X_bal, y_bal = balance(X, y, cfg)
    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=cfg["seed"]
    )

    clf = GradientBoostingClassifier(
        n_estimators=300, learning_rate=0.05, max_depth=3, subsample=0.9, random_state=cfg["seed"]
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(classification_report(y_test, clf.predict(X_test), digits=3))
    print(f"average precision: {average_precision_score(y_test, proba):.4f}")
    top = pd.Series(clf.feature_importances_, index=PROFILE_FEATURES).nlargest(5)
    print("top drivers:\n" + top.round(3).to_string())

    Path(cfg["model_out"]).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(clf, cfg["model_out"])


if __name__ == "__main__":
    main()
