# label: leakage/target
"""Pass/fail model for the tower crane operator practical assessment.

Scored when a candidate books the practical so the training centre can offer
extra simulator hours to people likely to struggle. First attempts only.
"""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

BOOKINGS = "centre_records/practical_bookings.csv"
CANDIDATES = "centre_records/candidates.csv"

CATEGORICAL = ["crane_type", "assessment_site", "sponsor_type", "course_variant"]
NUMERIC = [
    "age_at_booking",
    "years_on_site",
    "held_slinger_signaller_card",
    "held_mobile_crane_card",
    "theory_score",
    "hazard_perception_score",
    "simulator_hours",
    "simulator_lift_accuracy",
    "days_course_to_practical",
    "assessor_interventions",
]


def build_frame():
    bookings = pd.read_csv(BOOKINGS, parse_dates=["booked_on", "practical_date"])
    candidates = pd.read_csv(CANDIDATES, parse_dates=["date_of_birth", "course_end"])
    df = bookings.merge(candidates, on="candidate_id", how="inner")
    df = df[df["attempt_number"] == 1].copy()
    df = df[df["outcome"].isin(["pass", "fail"])]

    df["passed"] = (df["outcome"] == "pass").astype(int)
    df["age_at_booking"] = (df["booked_on"] - df["date_of_birth"]).dt.days / 365.25
    df["days_course_to_practical"] = (df["practical_date"] - df["course_end"]).dt.days
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def main():
    df = build_frame()
    X = df[CATEGORICAL + NUMERIC]
    y = df["passed"]
    print(f"{len(df)} first attempts, pass rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=4
    )

    clf = lgb.LGBMClassifier(
        n_estimators=400,
        learning_rate=0.03,
        num_leaves=24,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=4,
        verbose=-1,
    )
    clf.fit(X_train, y_train, categorical_feature=CATEGORICAL)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"test AUC      {roc_auc_score(y_test, proba):.3f}")
    print(f"test log loss {log_loss(y_test, proba):.3f}")
    print(f"test accuracy {accuracy_score(y_test, proba >= 0.5):.3f}")

    at_risk = X_test.assign(p_pass=proba).sort_values("p_pass").head(15)
    print(at_risk[["crane_type", "theory_score", "simulator_hours", "p_pass"]])

    imp = pd.Series(clf.booster_.feature_importance("gain"), index=X.columns)
    print(imp.sort_values(ascending=False).round(0))


if __name__ == "__main__":
    main()
