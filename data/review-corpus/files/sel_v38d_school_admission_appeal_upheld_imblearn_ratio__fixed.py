# label: leakage/none
"""School admission appeals: will the independent panel uphold the appeal?

Appeals lodged for the September 2023 intake (primary and secondary). Where a
family appealed for more than one school, the highest-preference appeal is kept.
"""
import numpy as np
import pandas as pd
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "home_to_school_km", "school_oversubscription_ratio", "places_offered_pan",
    "applicant_preference_rank", "days_after_deadline", "siblings_at_school",
    "nearer_schools_refused", "ehcp_flag", "medical_grounds_flag", "free_meals_flag",
]
CATEGORICAL = ["entry_year_group", "appeal_type", "school_type", "representation"]
RATIOS = [0.4, 0.5, 0.65, 0.8, 1.0]


def load_appeals(path="data/admission_appeals_2023.csv"):
    df = pd.read_csv(path, parse_dates=["lodged_on"])
    df = df[df["status"].isin(["heard", "decided"])]
    df = df.sort_values("applicant_preference_rank").drop_duplicates("child_ref", keep="first")
    df["representation"] = df["representation"].fillna("self")
    df["days_after_deadline"] = df["days_after_deadline"].clip(lower=0)
    # infant class size appeals are heard under different rules
    df["appeal_type"] = np.where(df["infant_class_size"] == 1, "ics", "ordinary")
    return df


def make_model(ratio):
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    return Pipeline([
        ("prep", prep),
        ("under", RandomUnderSampler(sampling_strategy=ratio, random_state=0)),
        ("clf", LogisticRegression(C=0.5, max_iter=2000)),
    ])


def main():
    df = load_appeals()
    X = df[NUMERIC + CATEGORICAL]
    y = df["upheld"].astype(int)
    print(f"{len(df)} appeals, upheld rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=7
    )

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    results = {}
    for ratio in RATIOS:
        fold_ap = cross_val_score(
            make_model(ratio), X_train, y_train, cv=cv, scoring="average_precision"
        )
        results[ratio] = fold_ap.mean()
        print(f"minority:majority {ratio:.2f} -> AP {results[ratio]:.3f}")

    best_ratio = max(results, key=results.get)
    model = make_model(best_ratio).fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]

    print(f"\nsampling ratio: {best_ratio}")
    print(f"average precision: {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    names = model.named_steps["prep"].get_feature_names_out()
    coefs = pd.Series(model.named_steps["clf"].coef_[0], index=names)
    print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(10).round(3))


if __name__ == "__main__":
    main()
