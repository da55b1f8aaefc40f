# label: leakage/none
"""Flag reflow oven runs likely to produce tombstoned 0402 passives (AOI-confirmed)."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

PROFILE_COLS = [
    "peak_temp_c",
    "time_above_liquidus_s",
    "ramp_rate_c_per_s",
    "soak_time_s",
    "zone_delta_top_bottom_c",
    "conveyor_speed_cm_min",
    "n2_ppm",
]
PRINT_COLS = [
    "paste_volume_pct_mean",
    "paste_volume_pct_std",
    "stencil_prints_since_clean",
    "placement_offset_um_mean",
    "pad_asymmetry_index",
    "line_humidity_pct",
]


def load_runs(oven_log, aoi_results):
    oven = pd.read_csv(oven_log, parse_dates=["run_start"])
    aoi = pd.read_csv(aoi_results)
    runs = oven.merge(aoi[["panel_serial", "tombstone_count"]], on="panel_serial", how="inner")
    runs["tombstone"] = (runs["tombstone_count"] > 0).astype(int)
    runs = runs.dropna(subset=PROFILE_COLS + PRINT_COLS)
    return runs


def build_model():
    return make_pipeline(
        StandardScaler(),
        SVC(C=3.0, kernel="rbf", gamma="scale", probability=True, random_state=0),
    )


def report(model, X_test, y_test):
    scores = model.predict_proba(X_test)[:, 1]
    pred = (scores >= 0.5).astype(int)
    print(confusion_matrix(y_test, pred))
    print(classification_report(y_test, pred, target_names=["ok", "tombstone"], digits=3))
    print(f"average precision: {average_precision_score(y_test, scores):.3f}")


def main():
    runs = load_runs("mes/reflow_oven_runs.csv", "mes/aoi_panel_results.csv")
    X = runs[PROFILE_COLS + PRINT_COLS].to_numpy()
    y = runs["tombstone"].to_numpy()
    print(f"{len(runs)} panels, tombstone rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=0
    )

    # tombstoning is rare; synthesise extra defect panels
    X_train, y_train = SMOTE(k_neighbors=5, random_state=0).fit_resample(X_train, y_train)

    model = build_model()
    model.fit(X_train, y_train)
    report(model, X_test, y_test)

    svc = model.named_steps["svc"]
    print(f"support vectors per class: {svc.n_support_}")


if __name__ == "__main__":
    main()
