# label: leakage/target
"""Placement risk model for the paramedic science programme.

Scores each practice placement at allocation so the practice education team can
line up extra mentor support for the students most at risk of not passing.
"""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

CATS = ["programme_route", "placement_trust", "station_type", "shift_pattern", "mentor_band"]
NUMS = [
    "entry_tariff_points", "age_at_start", "prior_care_months", "year_of_study",
    "osce_score_pre", "drug_calc_score", "sim_scenario_score", "commute_km",
    "placement_hours_planned", "previous_placements_passed",
    "competencies_signed_off",  # from the practice assessment document
]
TARGET = "placement_failed"


def load_placements():
    students = pd.read_csv("registry/students.csv", parse_dates=["date_of_birth"])
    placements = pd.read_csv("registry/placements.csv", parse_dates=["start_date", "end_date"])
    pad = pd.read_csv("registry/pad_summary.csv")
    df = placements.merge(students, on="student_id", how="left")
    df = df.merge(pad, on="placement_id", how="left")
    df = df[df["outcome"].isin(["pass", "fail", "referred"])].copy()
    df[TARGET] = (df["outcome"] != "pass").astype(int)
    df["age_at_start"] = (df["start_date"] - df["date_of_birth"]).dt.days / 365.25
    for c in CATS:
        df[c] = df[c].fillna("unknown").astype("category")
    return df


def main():
    df = load_placements()
    train = df[df["academic_year"] < 2023]
    test = df[df["academic_year"] >= 2023]
    features = CATS + NUMS
    print(f"train {len(train)} placements ({train[TARGET].mean():.1%} not passed), "
          f"test {len(test)} ({test[TARGET].mean():.1%})")

    model = lgb.LGBMClassifier(
        n_estimators=350,
        learning_rate=0.03,
        num_leaves=15,
        min_child_samples=25,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=2.0,
        is_unbalance=True,
        random_state=11,
        verbose=-1,
    )
    model.fit(train[features], train[TARGET], categorical_feature=CATS)

    proba = model.predict_proba(test[features])[:, 1]
    print(f"ROC AUC: {roc_auc_score(test[TARGET], proba):.3f}")
    print(f"PR AUC : {average_precision_score(test[TARGET], proba):.3f}")
    flagged = proba >= 0.5
    print(classification_report(test[TARGET], flagged.astype(int), target_names=["pass", "not pass"]))

    top = test.assign(risk=proba).nlargest(25, "risk")
    print(top[["student_id", "placement_trust", "station_type", "risk"]].to_string(index=False))

    imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
    print(imp.sort_values(ascending=False).round(1))


if __name__ == "__main__":
    main()
