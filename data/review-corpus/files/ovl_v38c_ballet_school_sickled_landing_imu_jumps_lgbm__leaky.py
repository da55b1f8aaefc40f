# label: leakage/overlap
"""Flag sickled-ankle landings from shin-mounted IMU data recorded in allegro class.

Each row is one jump; coaches rated the landing from slow-motion video.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, train_test_split

DATA = "data/allegro_jumps_imu_2024.parquet"

IMU_COLS = [
    "peak_acc_g", "impact_jerk", "time_to_stable_ms", "inversion_peak_deg",
    "inversion_rate_dps", "plantarflex_at_contact_deg", "gyro_x_rms",
    "gyro_y_rms", "gyro_z_rms", "flight_time_ms", "contact_time_ms",
]
META_COLS = ["age", "years_training", "pointe", "jump_type", "leg", "shoe"]


def load_jumps(path):
    jumps = pd.read_parquet(path)
    jumps = jumps[jumps["video_rating"].isin(["clean", "sickled"])].copy()
    jumps["sickled"] = (jumps["video_rating"] == "sickled").astype(int)
    jumps["contact_ratio"] = jumps["contact_time_ms"] / (jumps["flight_time_ms"] + 1.0)
    jumps["inversion_x_rate"] = jumps["inversion_peak_deg"] * jumps["inversion_rate_dps"] / 1000
    for col in ["jump_type", "leg", "shoe"]:
        jumps[col] = jumps[col].astype("category")
    return jumps


def split_jumps(jumps, features):
    X = jumps[features]
    y = jumps["sickled"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=11
    )
    return X_train, X_test, y_train, y_test


def main():
    jumps = load_jumps(DATA)
    features = IMU_COLS + META_COLS + ["contact_ratio", "inversion_x_rate"]
    print(f"{len(jumps)} jumps from {jumps['dancer_id'].nunique()} dancers, "
          f"{jumps['sickled'].mean():.1%} sickled")

    X_train, X_test, y_train, y_test = split_jumps(jumps, features)

    clf = lgb.LGBMClassifier(
        n_estimators=400,
        learning_rate=0.03,
        num_leaves=15,
        min_child_samples=25,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        class_weight="balanced",
        random_state=11,
        verbose=-1,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"ROC AUC       {roc_auc_score(y_test, proba):.3f}")
    print(f"avg precision {average_precision_score(y_test, proba):.3f}")
    print(f"F1 @0.5       {f1_score(y_test, proba >= 0.5):.3f}")

    gain = pd.Series(clf.booster_.feature_importance("gain"), index=features)
    print((gain / gain.sum()).sort_values(ascending=False).head(8).round(3))


if __name__ == "__main__":
    main()
