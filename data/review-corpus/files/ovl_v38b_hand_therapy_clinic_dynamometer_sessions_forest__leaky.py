# label: leakage/overlap
"""Hand therapy clinic: estimate Box and Block Test score from a short dynamometer protocol.

Therapists record three maximal grip trials plus a 30 s sustained squeeze on a digital
dynamometer at every outpatient session. The Box and Block Test takes longer and needs
the full kit, so the clinic wants a quick estimate for home-visit sessions.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

SESSIONS_CSV = "clinic_exports/dynamometer_sessions.csv"
PATIENTS_CSV = "clinic_exports/patients.csv"


def session_features(sessions: pd.DataFrame) -> pd.DataFrame:
    trials = sessions[["grip_trial_1_kg", "grip_trial_2_kg", "grip_trial_3_kg"]]
    feats = pd.DataFrame(index=sessions.index)
    feats["grip_peak_kg"] = trials.max(axis=1)
    feats["grip_mean_kg"] = trials.mean(axis=1)
    feats["grip_cv"] = trials.std(axis=1) / trials.mean(axis=1)
    feats["time_to_peak_ms"] = sessions["time_to_peak_ms"]
    feats["sustained_mean_kg"] = sessions["sustained_mean_kg"]
    feats["fatigue_index"] = 1 - sessions["sustained_last5s_kg"] / sessions["sustained_first5s_kg"]
    feats["affected_vs_unaffected"] = feats["grip_peak_kg"] / sessions["unaffected_peak_kg"]
    feats["pinch_key_kg"] = sessions["pinch_key_kg"]
    feats["pinch_tip_kg"] = sessions["pinch_tip_kg"]
    feats["weeks_since_onset"] = sessions["weeks_since_onset"]
    return feats


def main():
    sessions = pd.read_csv(SESSIONS_CSV)
    patients = pd.read_csv(PATIENTS_CSV)
    sessions = sessions.merge(
        patients[["patient_id", "age", "sex", "dominant_side_affected", "diagnosis_group"]],
        on="patient_id",
        how="left",
    )
    sessions = sessions.dropna(subset=["box_block_score"])

    X = session_features(sessions)
    X["age"] = sessions["age"]
    X["male"] = (sessions["sex"] == "M").astype(int)
    X["dominant_side_affected"] = sessions["dominant_side_affected"].astype(int)
    for dx in ["stroke", "flexor_tendon_repair", "distal_radius_fracture", "nerve_injury"]:
        X[f"dx_{dx}"] = (sessions["diagnosis_group"] == dx).astype(int)
    y = sessions["box_block_score"]

    print(f"{len(sessions)} sessions from {sessions['patient_id'].nunique()} patients")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=5
    )

    forest = RandomForestRegressor(
        n_estimators=600,
        min_samples_leaf=3,
        max_features=0.5,
        n_jobs=-1,
        random_state=5,
    )
    forest.fit(X_train, y_train)
    pred = forest.predict(X_test)

    print(f"MAE: {mean_absolute_error(y_test, pred):.1f} blocks")
    print(f"R^2: {r2_score(y_test, pred):.3f}")
    within_mcid = np.mean(np.abs(pred - y_test) <= 6)
    print(f"within 6 blocks of measured score: {within_mcid:.1%}")

    ranked = pd.Series(forest.feature_importances_, index=X.columns).sort_values(ascending=False)
    print(ranked.head(10).round(3).to_string())


if __name__ == "__main__":
    main()
