# label: leakage/none
"""Bench-hours estimate for the garden machinery workshop.

Job cards from the workshop system: one row per mower / strimmer / ride-on booked in for
service or repair. The estimate is shown to the customer at booking-in.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["machine_type", "brand", "engine_make", "fuel", "job_type", "drop_off_channel"]
NUMERIC = [
    "machine_age_years",
    "engine_cc",
    "cutting_width_cm",
    "hours_meter",
    "reported_faults",
    "months_since_last_service",
    "customer_prior_jobs",
]


class JobCardData:
    def __init__(self, path):
        self.path = path

    def load(self):
        jobs = pd.read_csv(self.path, parse_dates=["booked_in"])
        jobs = jobs[jobs["job_status"] == "collected"].sort_values("booked_in")
        jobs["booked_month"] = jobs["booked_in"].dt.month
        jobs["peak_season"] = jobs["booked_month"].between(3, 6).astype(int)
        jobs["hours_meter"] = jobs["hours_meter"].where(jobs["hours_meter"] > 0)
        return jobs


def make_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=15, sparse_output=False)),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC + ["booked_month", "peak_season"]),
        ("cat", categorical, CATEGORICAL),
    ])


def main():
    jobs = JobCardData("exports/workshop_job_cards_2020_2024.csv").load()
    X = jobs[CATEGORICAL + NUMERIC + ["booked_month", "peak_season"]]
    y = jobs["bench_hours"]

    prep = make_preprocessor()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, shuffle=False
    )
    X_train = prep.fit_transform(X_train)
    X_test = prep.transform(X_test)

    gbr = GradientBoostingRegressor(
        loss="huber",
        n_estimators=800,
        learning_rate=0.03,
        max_depth=4,
        subsample=0.8,
        random_state=17,
    )
    gbr.fit(X_train, y_train)
    pred = np.maximum(gbr.predict(X_test), 0.25)

    print(f"MAE:        {mean_absolute_error(y_test, pred):.2f} h")
    print(f"median AE:  {median_absolute_error(y_test, pred):.2f} h")
    over = np.mean(pred < y_test - 1.0)
    print(f"jobs overrunning estimate by > 1 h: {over:.1%}")


if __name__ == "__main__":
    main()
