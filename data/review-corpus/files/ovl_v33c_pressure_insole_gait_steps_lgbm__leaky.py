# label: leakage/overlap
"""Screen for peripheral neuropathy from instrumented-insole walking trials.

Each row is one stance phase extracted from a 10 m walk; the clinic wants a
per-step score it can average over a visit.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, train_test_split

REGIONS = ["heel_med", "heel_lat", "midfoot", "met1", "met2_3", "met4_5", "hallux", "toes"]


def load_steps(path):
    steps = pd.read_parquet(path)
    steps = steps[(steps["stance_ms"] > 350) & (steps["stance_ms"] < 1400)]
    return steps.reset_index(drop=True)


def add_features(steps):
    peaks = steps[[f"peak_kpa_{r}" for r in REGIONS]]
    steps["peak_total_kpa"] = peaks.sum(axis=1)
    for r in REGIONS:
        steps[f"share_{r}"] = steps[f"peak_kpa_{r}"] / steps["peak_total_kpa"]
    steps["forefoot_rearfoot_ratio"] = (
        steps[["peak_kpa_met1", "peak_kpa_met2_3", "peak_kpa_met4_5"]].sum(axis=1)
        / steps[["peak_kpa_heel_med", "peak_kpa_heel_lat"]].sum(axis=1)
    )
    steps["cop_path_per_ms"] = steps["cop_path_mm"] / steps["stance_ms"]
    steps["is_left"] = (steps["foot"] == "L").astype(int)
    return steps


def feature_columns(steps):
    base = ["stance_ms", "cop_path_mm", "cop_path_per_ms", "peak_total_kpa",
            "forefoot_rearfoot_ratio", "contact_area_cm2", "is_left", "age", "bmi"]
    return base + [c for c in steps.columns if c.startswith(("share_", "pti_"))]


def main():
    steps = add_features(load_steps("data/insole_steps.parquet"))
    cols = feature_columns(steps)
    X = steps[cols]
    y = steps["neuropathy"].astype(int)
    groups = steps["participant_id"]
    print(f"{len(steps)} steps from {groups.nunique()} participants")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=3
    )

    clf = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=40,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        verbose=-1,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"Step-level ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"Step-level PR AUC:  {average_precision_score(y_test, proba):.3f}")

    per_person = (
        pd.DataFrame({"pid": groups.loc[X_test.index], "y": y_test, "p": proba})
        .groupby("pid")
        .agg(y=("y", "first"), p=("p", "mean"))
    )
    print(f"Participant-level ROC AUC: {roc_auc_score(per_person['y'], per_person['p']):.3f}")

    imp = pd.Series(clf.feature_importances_, index=cols).sort_values(ascending=False)
    print(imp.head(10))
    np.save("insole_step_scores.npy", proba)


if __name__ == "__main__":
    main()
