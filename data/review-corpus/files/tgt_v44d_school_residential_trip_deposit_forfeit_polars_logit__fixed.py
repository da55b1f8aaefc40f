# label: leakage/none
"""Outdoor-centre bookings from schools: will the group forfeit its deposit
(balance never paid, trip dropped)? Scored at booking time so the sales team
can ask for a larger deposit or an earlier balance date on risky bookings."""
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, classification_report
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "pupils_booked", "staff_booked", "nights", "lead_time_days", "deposit_pct",
    "price_per_pupil", "trips_before_booking", "pupil_staff_ratio",
]
CATEGORICAL = ["school_phase", "funding_type", "region", "centre", "arrival_month"]
TARGET = "deposit_forfeited"


def load_bookings(path: str) -> pl.DataFrame:
    return (
        pl.read_csv(path, try_parse_dates=True)
        .filter(pl.col("booking_status") != "provisional")
        .with_columns(
            (pl.col("arrival_date") - pl.col("booked_on")).dt.total_days().alias("lead_time_days"),
            (pl.col("pupils_booked") / pl.col("staff_booked")).alias("pupil_staff_ratio"),
            pl.col("arrival_date").dt.strftime("%b").alias("arrival_month"),
            pl.col("school_phase").fill_null("unknown"),
            pl.col("funding_type").fill_null("unknown"),
        )
        .with_columns(
            pl.col("trips_before_booking").fill_null(0),
            pl.col("balance_reminders_sent").fill_null(0),
        )
        .sort("booked_on")
    )


def split_by_booking_date(df: pl.DataFrame, cutoff: str):
    cut = pl.lit(cutoff).str.to_date()
    # training trips have all run (and settled) by the cutoff
    return df.filter(pl.col("arrival_date") < cut), df.filter(pl.col("booked_on") >= cut)


def main():
    bookings = load_bookings("data/school_bookings_2017_2024.csv")
    print(bookings.group_by("centre").agg(pl.len(), pl.col(TARGET).mean()).sort("centre"))

    train, test = split_by_booking_date(bookings, "2023-09-01")
    X_train = train.select(NUMERIC + CATEGORICAL).to_pandas()
    X_test = test.select(NUMERIC + CATEGORICAL).to_pandas()
    y_train = train[TARGET].to_numpy()
    y_test = test[TARGET].to_numpy()

    clf = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
        ])),
        ("lr", LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)),
    ])
    clf.fit(X_train, y_train)

    p = clf.predict_proba(X_test)[:, 1]
    print(f"train rows {len(y_train)}, test rows {len(y_test)}, test forfeit rate {y_test.mean():.3f}")
    print(f"ROC AUC {roc_auc_score(y_test, p):.3f}")
    print(classification_report(y_test, (p >= 0.5).astype(int), digits=3))

    names = clf.named_steps["prep"].get_feature_names_out()
    coefs = sorted(zip(clf.named_steps["lr"].coef_[0], names), reverse=True)
    for c, n in coefs[:6] + coefs[-6:]:
        print(f"{n:40s} {c:+.3f}")


if __name__ == "__main__":
    main()
