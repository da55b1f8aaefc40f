# label: leakage/none
# Thermite weld screening on a street-tramway network.
# Each row is one aluminothermic weld with its ultrasonic trolley scan summary
# and installation record; target is a confirmed flaw at the follow-up dig.
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, balanced_accuracy_score, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split

SCAN_COLS = [
    "peak_echo_db", "echo_count", "backwall_loss_db", "mean_attenuation_db",
    "probe_70_max_db", "probe_45_max_db", "head_hardness_hb",
]
INSTALL_COLS = [
    "ambient_temp_install_c", "preheat_minutes", "gap_mm", "rail_profile",
    "crew_id", "embedded_track", "curve_radius_m", "daily_tram_passes",
]


def read_welds(path):
    welds = pd.read_csv(path, parse_dates=["weld_date", "scan_date"])
    welds = welds[welds["dig_outcome"].isin(["sound", "flaw"])]
    welds["flaw"] = (welds["dig_outcome"] == "flaw").astype(int)
    welds["weld_age_days"] = (welds["scan_date"] - welds["weld_date"]).dt.days
    welds["echo_ratio"] = welds["probe_70_max_db"] - welds["probe_45_max_db"]
    return welds


def encode(welds):
    X = welds[SCAN_COLS + INSTALL_COLS + ["weld_age_days", "echo_ratio"]].copy()
    X["rail_profile"] = X["rail_profile"].map({"Ri59N": 0, "Ri60N": 1, "S49": 2, "BS80A": 3})
    X["crew_id"] = X["crew_id"].fillna(0).astype(int)
    X["embedded_track"] = X["embedded_track"].astype(int)
    return X


def fit_classifier(X_train, y_train):
    clf = HistGradientBoostingClassifier(
        learning_rate=0.06,
        max_iter=350,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        categorical_features=["rail_profile", "crew_id"],
        random_state=5,
    )
    return clf.fit(X_train, y_train)


def summarise(y_true, proba, threshold=0.5):
    pred = (proba >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_true, pred).ravel()
    return {
        "roc_auc": round(roc_auc_score(y_true, proba), 4),
        "pr_auc": round(average_precision_score(y_true, proba), 4),
        "balanced_acc": round(balanced_accuracy_score(y_true, pred), 4),
        "flaws_found": int(tp),
        "flaws_missed": int(fn),
        "needless_digs": int(fp),
        "sound_cleared": int(tn),
    }


if __name__ == "__main__":
    welds = read_welds("data/tram_weld_scans.csv")
    X = encode(welds)
    y = welds["flaw"].to_numpy()
    print(f"{len(X)} welds, flaw rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=5
    )
    X_train, y_train = RandomOverSampler(random_state=5).fit_resample(X_train, y_train)

    clf = fit_classifier(X_train, y_train)
    proba = clf.predict_proba(X_test)[:, 1]
    metrics = summarise(y_test, proba)
    print(json.dumps(metrics, indent=2))

    with open("reports/weld_flaw_screen.json", "w") as fh:
        json.dump(metrics, fh, indent=2)
