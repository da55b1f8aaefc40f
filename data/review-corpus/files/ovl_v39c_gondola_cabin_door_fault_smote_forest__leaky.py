# label: leakage/overlap
"""Door mechanism end-of-line test -> in-service fault within first season.

One row per door drive unit (unique serial) built for detachable gondola
cabins. Features come from the bench test rig; the label is whether the unit
was logged with a door fault by a ropeway operator during its first winter.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import (
    average_precision_score,
    classification_report,
    confusion_matrix,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

RIG_EXPORT = "eol_rig/door_units_2019_2023.csv"
FEATURES = [
    "close_time_ms",
    "open_time_ms",
    "peak_motor_current_a",
    "mean_motor_current_a",
    "current_ripple_pct",
    "latch_force_n",
    "seal_compression_mm",
    "roller_play_mm",
    "limit_switch_bounce_ms",
    "encoder_missed_counts",
    "rig_temp_c",
    "cycles_on_rig",
]


def load_units(path):
    units = pd.read_csv(path)
    units = units[units["rig_result"] == "pass"]
    units = units.dropna(subset=FEATURES + ["door_fault_first_season"])
    return units


def main():
    units = load_units(RIG_EXPORT)
    X = units[FEATURES].to_numpy()
    y = units["door_fault_first_season"].astype(int).to_numpy()
    print(f"{len(y)} units, fault rate {y.mean():.2%}")

    X_res, y_res = SMOTE(k_neighbors=5, random_state=17).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.25, random_state=17, stratify=y_res
    )
    print(f"train {len(y_train)} (fault {y_train.mean():.2%}), test {len(y_test)}")

    forest = RandomForestClassifier(
        n_estimators=600,
        max_depth=None,
        min_samples_leaf=3,
        max_features="sqrt",
        n_jobs=-1,
        random_state=17,
    )
    forest.fit(X_train, y_train)

    proba = forest.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC  {average_precision_score(y_test, proba):.3f}")
    print(confusion_matrix(y_test, pred))
    print(classification_report(y_test, pred, target_names=["ok", "fault"], digits=3))

    ranking = np.argsort(forest.feature_importances_)[::-1]
    for i in ranking[:6]:
        print(f"{FEATURES[i]:>24s}  {forest.feature_importances_[i]:.3f}")


if __name__ == "__main__":
    main()
