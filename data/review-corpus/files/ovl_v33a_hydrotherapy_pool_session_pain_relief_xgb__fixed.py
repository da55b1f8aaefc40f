# label: leakage/none
"""Hydrotherapy outpatient programme: does a pool session bring a clinically
meaningful drop in reported pain (>= 2 points on the 0-10 NRS)?"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SESSIONS_CSV = "hydro/pool_sessions.csv"
PATIENTS_CSV = "hydro/patients.csv"

NUMERIC = [
    "age", "bmi", "baseline_pain_nrs", "weeks_since_referral", "session_number",
    "water_temp_c", "session_minutes", "therapist_years", "group_size",
    "pre_session_pain_nrs", "pre_session_rom_deg",
]
CATEGORICAL = ["diagnosis", "exercise_block", "referral_source", "sex"]


def build_frame():
    sessions = pd.read_csv(SESSIONS_CSV, parse_dates=["session_date"])
    patients = pd.read_csv(PATIENTS_CSV, parse_dates=["referral_date"])
    df = sessions.merge(patients, on="patient_id", how="left", validate="many_to_one")
    df["weeks_since_referral"] = (df["session_date"] - df["referral_date"]).dt.days / 7.0
    df["relief"] = ((df["pre_session_pain_nrs"] - df["post_session_pain_nrs"]) >= 2).astype(int)
    df = df.dropna(subset=["pre_session_pain_nrs", "post_session_pain_nrs"])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def main():
    df = build_frame()
    print(f"{len(df)} sessions, {df['patient_id'].nunique()} patients, relief rate {df['relief'].mean():.2%}")

    X = df[NUMERIC + CATEGORICAL]
    y = df["relief"]
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
    train_idx, test_idx = next(splitter.split(X, y, groups=df["patient_id"]))
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

    model = xgb.XGBClassifier(
        n_estimators=500,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        tree_method="hist",
        enable_categorical=True,
        eval_metric="logloss",
        random_state=21,
    )
    model.fit(X_train, y_train, verbose=False)

    prob = model.predict_proba(X_test)[:, 1]
    pred = (prob >= 0.5).astype(int)
    print(f"ROC AUC : {roc_auc_score(y_test, prob):.3f}")
    print(f"Accuracy: {accuracy_score(y_test, pred):.3f}")
    print(f"Brier   : {brier_score_loss(y_test, prob):.3f}")

    gain = model.get_booster().get_score(importance_type="gain")
    top = sorted(gain.items(), key=lambda kv: kv[1], reverse=True)[:8]
    print("\nTop features by gain:")
    for name, value in top:
        print(f"  {name:<24s} {value:8.2f}")

    by_dx = (
        pd.DataFrame({"diagnosis": X_test["diagnosis"].values, "y": y_test.values, "p": prob})
        .groupby("diagnosis", observed=True)
        .agg(n=("y", "size"), observed=("y", "mean"), predicted=("p", "mean"))
    )
    print("\nCalibration by diagnosis:")
    print(by_dx.round(3).to_string())
    model.save_model("hydro/relief_xgb.json")


if __name__ == "__main__":
    main()
