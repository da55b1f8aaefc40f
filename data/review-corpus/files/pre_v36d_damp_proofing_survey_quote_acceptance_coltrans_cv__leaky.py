# label: leakage/preprocessing
"""Which damp & timber surveys turn into accepted remedial quotes?

Surveyors upload a form per property visit; sales wants a score to decide
which quotes get a follow-up call. One row per survey.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "quote_gbp", "property_age_years", "floor_area_m2", "wall_moisture_max_pct",
    "affected_wall_m", "days_survey_to_quote", "lead_source_score", "bedrooms",
]
CATEGORICAL = [
    "property_type", "wall_construction", "damp_type", "referral_channel",
    "surveyor_region", "finance_offered",
]


def load_surveys(path):
    df = pd.read_csv(path, parse_dates=["survey_date"])
    df = df[df["quote_issued"] == 1].copy()
    df["property_age_years"] = df["survey_date"].dt.year - df["year_built"]
    df.loc[df["property_age_years"] < 0, "property_age_years"] = np.nan
    df["quote_gbp"] = df["quote_gbp"].clip(upper=50_000)
    df["finance_offered"] = df["finance_offered"].map({True: "yes", False: "no"}).fillna("unknown")
    return df


def build_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=20)),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC),
        ("cat", categorical, CATEGORICAL),
    ])


def main():
    surveys = load_surveys("exports/damp_surveys_2021_2024.csv")
    X = surveys[NUMERIC + CATEGORICAL]
    y = surveys["quote_accepted"].astype(int)
    print(f"{len(surveys)} quoted surveys, acceptance rate {y.mean():.1%}")

    preprocessor = build_preprocessor()
    X_enc = preprocessor.fit_transform(X)

    clf = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=2024)
    scores = cross_validate(
        clf, X_enc, y, cv=cv,
        scoring=["roc_auc", "average_precision", "balanced_accuracy"],
    )
    for metric in ["roc_auc", "average_precision", "balanced_accuracy"]:
        vals = scores[f"test_{metric}"]
        print(f"{metric:>18}: {vals.mean():.3f} +/- {vals.std():.3f}")

    clf.fit(X_enc, y)
    names = preprocessor.get_feature_names_out()
    coefs = pd.Series(clf.coef_[0], index=names).sort_values()
    print("strongest negative:\n", coefs.head(6).round(3).to_string())
    print("strongest positive:\n", coefs.tail(6).round(3).to_string())


if __name__ == "__main__":
    main()
