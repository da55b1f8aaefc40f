# label: leakage/none
"""Which wedding albums will miss the promised delivery date?

Scored when the couple submits their photo selection, so the studio manager
can rebalance the editing queue across retouchers.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from xgboost import XGBClassifier


def load_jobs(path="studio_jobs_2019_2024.xlsx"):
    jobs = pd.read_excel(path, sheet_name="albums", parse_dates=[
        "wedding_date", "selection_received", "promised_date", "delivered_date"])
    jobs = jobs.dropna(subset=["delivered_date", "selection_received"])
    jobs["late"] = (jobs["delivered_date"] > jobs["promised_date"]).astype(int)
    jobs["days_to_promise"] = (jobs["promised_date"] - jobs["selection_received"]).dt.days
    jobs["selection_lag_days"] = (jobs["selection_received"] - jobs["wedding_date"]).dt.days
    jobs["wedding_month"] = jobs["wedding_date"].dt.month
    jobs["peak_season"] = jobs["wedding_month"].between(5, 9).astype(int)
    return jobs


CATEGORICAL = ["package", "album_vendor", "cover_material", "retoucher", "lead_photographer"]
NUMERIC = [
    "n_spreads",
    "n_photos_selected",
    "n_retouch_marked",
    "days_to_promise",
    "selection_lag_days",
    "queue_length_at_selection",
    "peak_season",
    "wedding_month",
    "is_destination_wedding",
]


def build_model():
    prep = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL)],
        remainder="passthrough",
    )
    xgb = XGBClassifier(
        n_estimators=400,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        eval_metric="logloss",
        random_state=19,
    )
    return Pipeline([("prep", prep), ("xgb", xgb)])


if __name__ == "__main__":
    jobs = load_jobs()
    X = jobs[CATEGORICAL + NUMERIC]
    y = jobs["late"]
    print(f"{len(jobs)} albums, {y.mean():.1%} late")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=19
    )
    model = build_model().fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    names = model.named_steps["prep"].get_feature_names_out()
    imp = pd.Series(model.named_steps["xgb"].feature_importances_, index=names)
    print(imp.sort_values(ascending=False).head(10).round(3))
