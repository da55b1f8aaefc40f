# label: leakage/none
"""Annual pass renewal model for the council leisure centres.

Each member is scored on the review date, one month before the pass
anniversary, so the retention team can call the ones most at risk.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

MEMBERS = "crm/annual_pass_members.csv"
USAGE = "crm/activity_at_review_date.csv"


class LapseModel:
    categorical = ["home_centre", "pass_type", "payment_method", "age_band", "joined_via"]
    numeric = [
        "tenure_years",
        "monthly_fee",
        "distance_to_centre_km",
        "visits_90d",
        "swim_visits_90d",
        "classes_booked_90d",
        "class_no_shows_90d",
        "dd_failures_prior_12m",
        "complaints_prior_12m",
        "family_members_on_pass",
    ]

    def __init__(self, seed=3):
        prep = ColumnTransformer(
            [
                ("cat", OneHotEncoder(handle_unknown="ignore"), self.categorical),
                ("num", SimpleImputer(strategy="median"), self.numeric),
            ]
        )
        forest = RandomForestClassifier(
            n_estimators=500,
            min_samples_leaf=10,
            max_features="sqrt",
            class_weight="balanced_subsample",
            n_jobs=-1,
            random_state=seed,
        )
        self.pipe = Pipeline([("prep", prep), ("forest", forest)])

    def fit(self, df):
        self.pipe.fit(df[self.categorical + self.numeric], df["lapsed"])
        return self

    def predict_proba(self, df):
        return self.pipe.predict_proba(df[self.categorical + self.numeric])[:, 1]


def load_members():
    members = pd.read_csv(MEMBERS, parse_dates=["anniversary_date", "join_date"])
    usage = pd.read_csv(USAGE)
    df = members.merge(usage, on="member_id", how="left")
    df["tenure_years"] = (df["anniversary_date"] - df["join_date"]).dt.days / 365.25
    usage_cols = ["visits_90d", "swim_visits_90d", "classes_booked_90d", "class_no_shows_90d"]
    df[usage_cols] = df[usage_cols].fillna(0)
    df["lapsed"] = (df["renewal_status"] == "lapsed").astype(int)
    in_window = df["anniversary_date"].between("2023-10-01", "2024-09-30")
    return df[in_window]


def main():
    df = load_members()
    print(f"members: {len(df):,}  lapse rate: {df['lapsed'].mean():.1%}")

    train, test = train_test_split(df, test_size=0.25, stratify=df["lapsed"], random_state=3)
    model = LapseModel().fit(train)
    p = model.predict_proba(test)

    print(f"ROC AUC {roc_auc_score(test['lapsed'], p):.3f}")
    print(f"PR AUC  {average_precision_score(test['lapsed'], p):.3f}")

    test = test.assign(score=p)
    test["decile"] = pd.qcut(test["score"].rank(method="first"), 10, labels=False) + 1
    lift = test.groupby("decile")["lapsed"].agg(["mean", "size"]).sort_index(ascending=False)
    print(lift.round(3))


if __name__ == "__main__":
    main()
