# label: leakage/none
"""First-attempt pass on the slinger/signaller practical assessment.

The training centre wants to know which candidates are likely to fail so it
can offer an extra supervised lifting day. One row per candidate (first
attempt only); the assessment records come from the centre's course system.
"""
import pandas as pd
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from xgboost import XGBClassifier

COURSE_COLUMNS = [
    "age",
    "years_on_site",
    "cscs_card_level",
    "course_days",
    "theory_score_pct",
    "mock_lift_score",
    "hand_signal_quiz_pct",
    "radio_quiz_pct",
    "english_support",
    "employer_sponsored",
    "days_since_course_end",
]
CENTRES = ["north_depot", "port_yard", "city_campus", "mobile_unit"]


def build_table(path):
    raw = pd.read_csv(path, parse_dates=["course_end", "assessment_date"])
    first = raw[raw["attempt_number"] == 1].copy()
    first["days_since_course_end"] = (first["assessment_date"] - first["course_end"]).dt.days
    first["english_support"] = first["english_support"].fillna(False).astype(int)
    first["employer_sponsored"] = (first["funding"] == "employer").astype(int)
    for centre in CENTRES:
        first[f"centre_{centre}"] = (first["centre"] == centre).astype(int)
    features = COURSE_COLUMNS + [f"centre_{c}" for c in CENTRES]
    return first[features], first["passed"].astype(int)


def make_model():
    return XGBClassifier(
        n_estimators=300,
        max_depth=3,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        min_child_weight=2,
        eval_metric="logloss",
        random_state=12,
    )


def main():
    X, y = build_table("data/slinger_signaller_assessments.csv")
    print(f"{len(y)} candidates, first-attempt pass rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=12
    )

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=12)
    cv_auc = cross_val_score(make_model(), X_train, y_train, cv=cv, scoring="roc_auc")
    print(f"CV AUC on training candidates: {cv_auc.mean():.3f} +/- {cv_auc.std():.3f}")

    model = make_model().fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    print(f"test AUC {roc_auc_score(y_test, proba):.3f}, accuracy {accuracy_score(y_test, proba > 0.5):.3f}")

    at_risk = X_test.assign(p_pass=proba, passed=y_test.to_numpy()).nsmallest(20, "p_pass")
    print(f"pass rate among 20 lowest scored: {at_risk['passed'].mean():.1%}")

    gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
    print(gain.sort_values(ascending=False).round(2).to_string())


if __name__ == "__main__":
    main()
