# label: leakage/overlap
"""Turnaround (working days) for alteration tickets at a three-branch tailoring shop.

The estimate is printed on the ticket at drop-off, so only fields known at the
counter are used.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

SEED = 2024
PATH = "exports/alteration_tickets.csv"
CATEGORICAL = ["branch", "garment", "fabric", "alteration_type", "priority", "tailor_level"]
NUMERIC = ["n_items", "n_operations", "quoted_price", "open_tickets_at_dropoff",
           "dropoff_weekday", "dropoff_hour", "days_to_event"]
TARGET = "turnaround_days"


def read_tickets(path):
    df = pd.read_csv(path, parse_dates=["dropoff_ts", "ready_ts"])
    df = df[df["status"] == "collected"].copy()
    df[TARGET] = np.busday_count(
        df["dropoff_ts"].values.astype("datetime64[D]"),
        df["ready_ts"].values.astype("datetime64[D]"),
    )
    df["dropoff_weekday"] = df["dropoff_ts"].dt.weekday
    df["dropoff_hour"] = df["dropoff_ts"].dt.hour
    df["days_to_event"] = df["days_to_event"].clip(upper=90)
    return df.reset_index(drop=True)


def holdout_split(df, test_frac, seed):
    test = df.sample(frac=test_frac, random_state=seed)
    train = df.sample(frac=1 - test_frac, random_state=seed + 1)
    return train, test


def build_pipeline():
    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20), CATEGORICAL),
        ("num", SimpleImputer(strategy="median"), NUMERIC),
    ], sparse_threshold=0.0)
    model = HistGradientBoostingRegressor(
        loss="absolute_error", max_iter=500, learning_rate=0.05,
        max_leaf_nodes=31, min_samples_leaf=30, random_state=SEED,
    )
    return Pipeline([("prep", prep), ("model", model)])


tickets = read_tickets(PATH)
print(tickets[TARGET].describe())
print(tickets.groupby("alteration_type")[TARGET].median().sort_values())

train, test = holdout_split(tickets, test_frac=0.2, seed=SEED)
print(f"train tickets: {len(train)}  test tickets: {len(test)}")

pipe = build_pipeline()
pipe.fit(train[CATEGORICAL + NUMERIC], train[TARGET])
pred = pipe.predict(test[CATEGORICAL + NUMERIC])

baseline = np.full(len(test), train[TARGET].median())
print(f"median baseline MAE: {mean_absolute_error(test[TARGET], baseline):.2f} days")
print(f"model MAE:           {mean_absolute_error(test[TARGET], pred):.2f} days")
print(f"model MedAE:         {median_absolute_error(test[TARGET], pred):.2f} days")

test = test.assign(pred=pred, err=pred - test[TARGET])
summary = test.groupby(["branch", "priority"])["err"].agg(["mean", lambda e: e.abs().mean(), "size"])
summary.columns = ["bias", "mae", "n"]
print(summary.round(2))

late_share = (test["pred"].round() < test[TARGET]).mean()
print(f"share of tickets promised too early: {late_share:.1%}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(test["err"], bins=np.arange(-8, 9) - 0.5, color="#445")
ax.set_xlabel("predicted - actual (working days)")
ax.set_ylabel("tickets")
fig.tight_layout()
fig.savefig("alteration_turnaround_errors.png", dpi=120)
