# label: leakage/none
"""No-show model for pre-booked comedy club tickets.

Bookings export comes from the box office system, one row per ticket.
"""
import argparse
import itertools

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

FEATURES = [
    "lead_days",
    "show_hour",
    "show_dow",
    "price_paid",
    "is_free_ticket",
    "party_size",
    "prior_bookings",
    "prior_noshows",
    "headliner_known",
    "venue_room",
    "booking_channel",
]
TARGET = "no_show"


def load_bookings(path):
    df = pd.read_csv(path, parse_dates=["booked_at", "show_start"])
    df["lead_days"] = (df["show_start"] - df["booked_at"]).dt.total_seconds() / 86400
    df["show_hour"] = df["show_start"].dt.hour
    df["show_dow"] = df["show_start"].dt.dayofweek
    df["is_free_ticket"] = (df["price_paid"] == 0).astype(int)
    df["headliner_known"] = df["headliner_followers"].gt(50_000).astype(int)
    for col in ["venue_room", "booking_channel"]:
        df[col] = df[col].astype("category")
    return df


def time_split(df, cutoff):
    before = df[df["show_start"] < cutoff]
    after = df[df["show_start"] >= cutoff]
    return before, after


def param_grid():
    grid = {
        "num_leaves": [15, 31, 63],
        "learning_rate": [0.03, 0.1],
        "min_child_samples": [20, 60],
    }
    keys = list(grid)
    for values in itertools.product(*grid.values()):
        yield dict(zip(keys, values))


def make_model(params, seed):
    return lgb.LGBMClassifier(
        n_estimators=400,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=seed,
        verbose=-1,
        **params,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bookings", default="data/comedy_bookings.csv")
    parser.add_argument("--cutoff", default="2024-01-01")
    parser.add_argument("--val-cutoff", default="2023-09-01")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    df = load_bookings(args.bookings)
    train, test = time_split(df, pd.Timestamp(args.cutoff))
    fit_part, val_part = time_split(train, pd.Timestamp(args.val_cutoff))
    X_train, y_train = train[FEATURES], train[TARGET]
    X_test, y_test = test[FEATURES], test[TARGET]
    print(f"train tickets: {len(train)}, test tickets: {len(test)}, "
          f"no-show rate {y_train.mean():.3f}")

    results = []
    for params in param_grid():
        model = make_model(params, args.seed)
        model.fit(fit_part[FEATURES], fit_part[TARGET])
        auc = roc_auc_score(val_part[TARGET], model.predict_proba(val_part[FEATURES])[:, 1])
        results.append((auc, params))
        print(f"{params} -> val AUC {auc:.4f}")

    results.sort(key=lambda r: r[0], reverse=True)
    _, best_params = results[0]
    print("selected params:", best_params)

    best_model = make_model(best_params, args.seed)
    best_model.fit(X_train, y_train)
    proba = best_model.predict_proba(X_test)[:, 1]
    print(f"test AUC: {roc_auc_score(y_test, proba):.4f}")

    top_decile = proba >= np.quantile(proba, 0.9)
    print(f"no-show rate in top decile: {y_test[top_decile].mean():.3f}")

    importance = pd.Series(best_model.feature_importances_, index=FEATURES)
    print(importance.sort_values(ascending=False).to_string())


if __name__ == "__main__":
    main()
