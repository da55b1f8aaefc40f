# label: leakage/preprocessing
"""Which day-spa bookings upgrade to the hammam ritual package on arrival?

Front-of-house wants a simple, explainable score per booking so reception can
offer the upgrade to the right guests. Logistic regression on booking-time data.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["party_size", "lead_days", "prior_visits", "spend_last_visit",
           "treatments_booked", "guest_age", "arrival_hour"]
CATEGORICAL = ["booking_channel", "base_package", "weekday", "gift_voucher",
               "occasion", "membership_tier", "site"]


def load_bookings(path="data/spa_bookings_2023.csv"):
    df = pd.read_csv(path, parse_dates=["booked_at", "arrival_at"])
    df = df[df["status"].isin(["attended", "attended_late"])]
    # one row per guest: their most recent visit
    df = df.sort_values("arrival_at").drop_duplicates("guest_id", keep="last")
    df["lead_days"] = (df["arrival_at"] - df["booked_at"]).dt.days.clip(lower=0)
    df["arrival_hour"] = df["arrival_at"].dt.hour
    df["weekday"] = df["arrival_at"].dt.day_name()
    df["gift_voucher"] = df["voucher_code"].notna().map({True: "yes", False: "no"})
    df["occasion"] = df["occasion"].fillna("none").str.lower()
    return df


def make_preprocessor():
    num = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    cat = make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(handle_unknown="ignore", min_frequency=20),
    )
    return ColumnTransformer([("num", num, NUMERIC), ("cat", cat, CATEGORICAL)])


def main():
    df = load_bookings()
    X = df[NUMERIC + CATEGORICAL]
    y = df["upgraded"].astype(int)
    print(f"{len(df)} bookings, upgrade rate {y.mean():.1%}")

    prep = make_preprocessor()
    X_ready = prep.fit_transform(X)
    clf = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=8)
    scores = cross_validate(
        clf, X_ready, y, cv=cv,
        scoring=["roc_auc", "average_precision", "neg_brier_score"],
    )
    for key in ["test_roc_auc", "test_average_precision", "test_neg_brier_score"]:
        print(f"{key[5:]:20s} {scores[key].mean():.3f} +/- {scores[key].std():.3f}")

    final = make_pipeline(make_preprocessor(), LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"))
    final.fit(X, y)
    names = final[0].get_feature_names_out()
    coefs = pd.Series(final[-1].coef_[0], index=names).sort_values()
    print("strongest negative:")
    print(coefs.head(6).round(3).to_string())
    print("strongest positive:")
    print(coefs.tail(6).round(3).to_string())


if __name__ == "__main__":
    main()
