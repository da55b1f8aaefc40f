# label: leakage/overlap
"""Screen dizzy patients for peripheral vestibular hypofunction from force-platform sway trials.

Each balance-clinic visit records several standing trials (eyes open/closed, firm/foam);
the diagnosis from caloric and head-impulse testing is attached to every trial.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, balanced_accuracy_score
from sklearn.model_selection import train_test_split

SWAY_COLS = [
    "condition_code", "eyes_closed", "foam_surface", "sway_area_cm2", "path_length_cm",
    "mean_velocity_mm_s", "ap_rms_mm", "ml_rms_mm", "mean_freq_hz", "stepped_off",
]
PATIENT_COLS = ["age", "sex_male", "symptom_weeks", "migraine_history", "on_suppressants"]


def load_trials(path):
    trials = pd.read_csv(path)
    trials = trials[trials["trial_valid"] == 1]
    trials["ap_ml_ratio"] = trials["ap_rms_mm"] / trials["ml_rms_mm"].clip(lower=0.1)
    trials["velocity_per_area"] = trials["mean_velocity_mm_s"] / trials["sway_area_cm2"].clip(lower=0.1)
    return trials


def visit_scores(frame, proba):
    # one decision per clinic visit: average the trial probabilities
    out = frame[["visit_id", "hypofunction"]].copy()
    out["proba"] = proba
    return out.groupby("visit_id").agg(y=("hypofunction", "first"), p=("proba", "mean"))


def train_model(X, y):
    model = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=15,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        class_weight="balanced",
        random_state=5,
        verbose=-1,
    )
    return model.fit(X, y)


def main():
    trials = load_trials("sway_platform_trials.csv")
    features = SWAY_COLS + PATIENT_COLS + ["ap_ml_ratio", "velocity_per_area"]
    print(f"{len(trials)} trials, {trials['patient_id'].nunique()} patients, "
          f"{trials['visit_id'].nunique()} visits")

    train, test = train_test_split(
        trials, test_size=0.25, random_state=5, stratify=trials["hypofunction"]
    )

    model = train_model(train[features], train["hypofunction"])
    proba = model.predict_proba(test[features])[:, 1]

    print(f"trial-level AUC: {roc_auc_score(test['hypofunction'], proba):.3f}")
    visits = visit_scores(test, proba)
    print(f"visit-level AUC: {roc_auc_score(visits['y'], visits['p']):.3f}")
    print(f"visit balanced accuracy @0.5: "
          f"{balanced_accuracy_score(visits['y'], visits['p'] >= 0.5):.3f}")

    imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
    print(imp.sort_values(ascending=False).head(8).round(1))


if __name__ == "__main__":
    main()
