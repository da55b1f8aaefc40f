# label: leakage/none
"""Which reupholstery jobs will run more than 20% over the quoted bench hours?

Jobs come from the workshop's job-card system. Frame style, fabric and
upholsterer have many levels, so categoricals are target-encoded for the booster.
"""
import category_encoders as ce
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

HIGH_CARD = ["frame_style", "fabric_code", "upholsterer", "customer_district"]
LOW_CARD = ["filling_type", "spring_system", "piping"]
NUMERIC = [
    "quoted_hours", "seat_count", "cushion_count", "fabric_metres",
    "frame_age_years", "buttons", "pattern_repeat_cm",
]


def load_jobs(path: str) -> pd.DataFrame:
    jobs = pd.read_csv(path, parse_dates=["booked_in", "completed"])
    jobs = jobs[jobs["status"] == "completed"].copy()
    jobs["overrun"] = (jobs["actual_hours"] > 1.2 * jobs["quoted_hours"]).astype(int)
    jobs["buttons"] = jobs["buttons"].fillna(0)
    jobs["pattern_repeat_cm"] = jobs["pattern_repeat_cm"].fillna(0)
    jobs["customer_district"] = jobs["postcode"].str.split().str[0]
    for col in HIGH_CARD + LOW_CARD:
        jobs[col] = jobs[col].fillna("unknown")
    return jobs


def main() -> None:
    jobs = load_jobs("jobcards/upholstery_jobs_2019_2024.csv")
    print(f"{len(jobs)} jobs, overrun rate {jobs['overrun'].mean():.1%}")

    X = jobs[HIGH_CARD + LOW_CARD + NUMERIC].copy()
    y = jobs["overrun"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=5
    )

    encoder = ce.TargetEncoder(cols=HIGH_CARD + LOW_CARD, smoothing=10.0, min_samples_leaf=5)
    X_train = encoder.fit_transform(X_train, y_train)
    X_test = encoder.transform(X_test)

    model = xgb.XGBClassifier(
        n_estimators=400,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.85,
        colsample_bytree=0.8,
        eval_metric="logloss",
        scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(),
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"F1 @0.5: {f1_score(y_test, proba >= 0.5):.3f}")

    imp = pd.Series(model.feature_importances_, index=X_train.columns)
    print(imp.sort_values(ascending=False).head(12).round(3).to_string())


if __name__ == "__main__":
    main()
