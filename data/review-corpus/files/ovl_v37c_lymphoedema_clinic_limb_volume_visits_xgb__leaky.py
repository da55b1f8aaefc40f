# label: leakage/overlap
"""Screening model for clinical stage >= II arm lymphoedema.

The clinic records perometer limb volumes and bioimpedance (L-Dex) at every
surveillance visit after breast cancer surgery. The stage is assigned by the
lymphoedema specialist nurse on examination (pitting, tissue fibrosis). The aim
is to flag visits where a specialist review is needed from device readings alone.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import (average_precision_score, brier_score_loss,
                             roc_auc_score, recall_score, precision_score)
from sklearn.model_selection import train_test_split

VISITS = "exports/lymphoedema_surveillance_visits.csv"
PATIENTS = "exports/patient_treatment_summary.csv"

FEATURES = [
    "age_at_surgery", "bmi", "nodes_removed", "axillary_clearance", "radiotherapy_axilla",
    "taxane_chemo", "dominant_side_affected", "weeks_since_surgery",
    "rlvc_pct", "ldex_score", "ldex_change_from_baseline", "arm_circ_10cm_diff_mm",
    "arm_circ_wrist_diff_mm", "self_reported_heaviness",
]


def load():
    visits = pd.read_csv(VISITS, parse_dates=["visit_date"])
    patients = pd.read_csv(PATIENTS, parse_dates=["surgery_date", "date_of_birth"])
    df = visits.merge(patients, on="patient_id", how="left")
    df["age_at_surgery"] = (df["surgery_date"] - df["date_of_birth"]).dt.days / 365.25
    df["weeks_since_surgery"] = (df["visit_date"] - df["surgery_date"]).dt.days / 7
    # relative limb volume change vs. pre-operative measurement
    df["rlvc_pct"] = 100 * ((df["affected_vol_ml"] / df["unaffected_vol_ml"])
                            / (df["baseline_affected_vol_ml"] / df["baseline_unaffected_vol_ml"]) - 1)
    df["ldex_change_from_baseline"] = df["ldex_score"] - df["baseline_ldex"]
    df["stage2_plus"] = (df["isl_stage"] >= 2).astype(int)
    df = df[df["weeks_since_surgery"] >= 4]
    return df


def main():
    df = load()
    print(f"{df['patient_id'].nunique()} patients, {len(df)} visits, "
          f"{df['stage2_plus'].mean():.1%} stage II+")

    X = df[FEATURES]
    y = df["stage2_plus"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=2024
    )

    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
    model = xgb.XGBClassifier(
        n_estimators=400,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.85,
        colsample_bytree=0.8,
        min_child_weight=3,
        scale_pos_weight=pos_weight,
        eval_metric="logloss",
        tree_method="hist",
        random_state=2024,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    flag = (proba >= 0.5).astype(int)
    print(f"AUC              {roc_auc_score(y_test, proba):.3f}")
    print(f"average precision {average_precision_score(y_test, proba):.3f}")
    print(f"Brier             {brier_score_loss(y_test, proba):.3f}")
    print(f"sensitivity       {recall_score(y_test, flag):.3f}")
    print(f"PPV               {precision_score(y_test, flag):.3f}")

    gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
    print(gain.sort_values(ascending=False).round(2).head(10))

    # how many visits would be sent for specialist review per 100
    print(f"review rate: {100 * flag.mean():.1f} per 100 visits")


if __name__ == "__main__":
    main()
