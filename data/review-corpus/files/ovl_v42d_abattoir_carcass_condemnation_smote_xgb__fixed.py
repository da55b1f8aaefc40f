# label: leakage/none
"""Whole-carcass condemnation risk from ante-mortem inspection records.

Used by the official veterinarian's team to decide which animals go to the
isolation pen for a closer ante-mortem check.
"""
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

AM_RECORDS = "data/ante_mortem_2022_2024.csv"
PM_OUTCOMES = "data/post_mortem_judgements.csv"

SPECIES_CODE = {"cattle": 0, "sheep": 1, "pig": 2, "goat": 3}
SEX_CODE = {"male": 0, "female": 1, "castrate": 2}


def load_frame():
    am = pd.read_csv(AM_RECORDS, parse_dates=["arrival_time"])
    pm = pd.read_csv(PM_OUTCOMES, usecols=["animal_id", "judgement"])
    df = am.merge(pm, on="animal_id", how="inner")
    df["condemned"] = (df["judgement"] == "total_condemnation").astype(int)

    df["species_code"] = df["species"].map(SPECIES_CODE)
    df["sex_code"] = df["sex"].map(SEX_CODE)
    df["arrival_hour"] = df["arrival_time"].dt.hour
    df["arrival_month"] = df["arrival_time"].dt.month
    return df


FEATURES = [
    "species_code", "sex_code", "age_months", "live_weight_kg", "body_condition_score",
    "lameness_score", "transport_hours", "transport_km", "ambient_temp_c",
    "rectal_temp_c", "resp_rate", "dirty_score", "casualty_arrival", "fci_issues_flagged",
    "arrival_hour", "arrival_month",
]


def main():
    df = load_frame().dropna(subset=FEATURES)
    X, y = df[FEATURES], df["condemned"]
    print(f"{len(df)} animals, condemnation rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=8
    )
    X_train, y_train = SMOTE(sampling_strategy=0.25, k_neighbors=5, random_state=8).fit_resample(X_train, y_train)

    model = XGBClassifier(
        n_estimators=500,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        eval_metric="aucpr",
        random_state=8,
        n_jobs=4,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    test_view = X_test.assign(condemned=y_test.to_numpy(), p_condemn=proba)
    print(test_view.groupby("species_code")[["condemned", "p_condemn"]].mean().round(4).to_string())

    imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(imp.head(10).round(4).to_string())


if __name__ == "__main__":
    main()
