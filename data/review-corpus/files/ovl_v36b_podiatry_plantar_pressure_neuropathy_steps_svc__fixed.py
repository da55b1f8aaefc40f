# label: leakage/none
"""Screen for diabetic peripheral neuropathy from pressure-plate footsteps.

Each clinic visitor walks the 2 m plate several times; the export has one row per
footstep with regional peak pressures and timing. The diagnosis comes from the
monofilament + vibration perception test done at the same appointment.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

REGIONS = ["hallux", "toes", "met1", "met2", "met3", "met4", "met5", "midfoot", "heel_med", "heel_lat"]


class FootstepData:
    def __init__(self, steps_path, patients_path):
        self.steps_path = steps_path
        self.patients_path = patients_path

    def load(self):
        steps = pd.read_csv(self.steps_path)
        patients = pd.read_csv(self.patients_path, usecols=["patient_id", "dpn_diagnosis", "age", "bmi"])
        steps = steps[steps["contact_time_ms"].between(350, 1500)]  # drop partial strikes at plate edge
        return steps.merge(patients, on="patient_id", how="inner")

    @staticmethod
    def features(df):
        out = pd.DataFrame(index=df.index)
        total = df[[f"peak_{r}_kpa" for r in REGIONS]].sum(axis=1)
        for r in REGIONS:
            out[f"peak_{r}"] = df[f"peak_{r}_kpa"]
            out[f"share_{r}"] = df[f"peak_{r}_kpa"] / total
            out[f"pti_{r}"] = df[f"pti_{r}_kpa_s"]
        out["forefoot_rearfoot_ratio"] = (
            df[["peak_met1_kpa", "peak_met2_kpa", "peak_met3_kpa"]].max(axis=1)
            / df[["peak_heel_med_kpa", "peak_heel_lat_kpa"]].max(axis=1)
        )
        out["contact_time_ms"] = df["contact_time_ms"]
        out["cop_ml_excursion_mm"] = df["cop_ml_excursion_mm"]
        out["cop_ap_velocity_mm_s"] = df["cop_ap_velocity_mm_s"]
        out["is_left"] = (df["foot"] == "L").astype(int)
        out["age"] = df["age"]
        out["bmi"] = df["bmi"]
        return out


def build_model():
    return Pipeline([
        ("scale", StandardScaler()),
        ("svc", SVC(kernel="rbf", C=3.0, gamma="scale", class_weight="balanced")),
    ])


def main():
    data = FootstepData("exports/plate_footsteps.csv", "exports/clinic_patients.csv")
    df = data.load()
    X = data.features(df)
    y = df["dpn_diagnosis"].astype(int).to_numpy()
    groups = df["patient_id"].to_numpy()
    print(f"{len(df)} footsteps from {len(np.unique(groups))} patients, {y.mean():.1%} DPN steps")

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=21)
    scores = cross_validate(
        build_model(), X, y, cv=cv, groups=groups,
        scoring=["roc_auc", "balanced_accuracy", "recall"],
    )
    for metric in ["roc_auc", "balanced_accuracy", "recall"]:
        vals = scores[f"test_{metric}"]
        print(f"{metric:>18s}: {vals.mean():.3f} +/- {vals.std():.3f}")


if __name__ == "__main__":
    main()
