# label: leakage/none
"""Paediatric speech clinic: automatic second opinion on /s/ probe scoring.
Estimates from the acoustic measures of a session's probe recordings whether the child
met the 80% probe-word criterion, to flag sessions for a second clinician listen."""
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

DATA_DIR = Path("/srv/clinic_exports/sibilant")

ACOUSTIC = [
    "s_centroid_khz",
    "s_peak_freq_khz",
    "s_spectral_skew",
    "s_duration_ms",
    "s_intensity_db",
    "sh_s_centroid_gap_khz",
]


def build_frame():
    sessions = pd.read_csv(DATA_DIR / "sessions.csv", parse_dates=["session_date"])
    children = pd.read_csv(DATA_DIR / "children.csv")
    df = sessions.merge(children, on="child_id", how="left", validate="many_to_one")
    df = df.sort_values(["child_id", "session_date"])

    df["criterion_met"] = (df["probe_accuracy"] >= 0.80).astype(int)
    first = df.groupby("child_id")["session_date"].transform("min")
    df["weeks_in_therapy"] = (df["session_date"] - first).dt.days / 7
    df["prev_probe_accuracy"] = df.groupby("child_id")["probe_accuracy"].shift(1)
    df["prev_centroid"] = df.groupby("child_id")["s_centroid_khz"].shift(1)
    df["centroid_change"] = df["s_centroid_khz"] - df["prev_centroid"]
    df["home_practice_min"] = df["home_practice_min"].fillna(0)
    df["approach_code"] = df["approach"].map({"traditional": 0, "minimal_pairs": 1, "cycles": 2})
    df["lateral_pattern"] = df["error_pattern"].eq("lateral").astype(int)
    return df


def main():
    df = build_frame()
    features = ACOUSTIC + [
        "age_months",
        "weeks_in_therapy",
        "prev_probe_accuracy",
        "centroid_change",
        "home_practice_min",
        "approach_code",
        "lateral_pattern",
        "hearing_screen_pass",
    ]
    print(f"{df['child_id'].nunique()} children, {len(df)} sessions, "
          f"criterion met in {df['criterion_met'].mean():.1%}")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=8)
    train_idx, test_idx = next(splitter.split(df, groups=df["child_id"]))
    train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

    model = xgb.XGBClassifier(
        n_estimators=350,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.85,
        colsample_bytree=0.8,
        min_child_weight=3,
        eval_metric="logloss",
        random_state=8,
    )
    model.fit(train_df[features], train_df["criterion_met"])

    proba = model.predict_proba(test_df[features])[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"ROC AUC:           {roc_auc_score(test_df['criterion_met'], proba):.3f}")
    print(f"balanced accuracy: {balanced_accuracy_score(test_df['criterion_met'], pred):.3f}")
    print(classification_report(test_df["criterion_met"], pred, digits=3))

    gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
    print(gain.sort_values(ascending=False).round(2).head(8))


if __name__ == "__main__":
    main()
