# label: leakage/selection
"""Overrun model for the studio booking system.

Predicts how many minutes a booked recording session will run past its
slot, so the front desk can pad the calendar for the next booking.
"""
import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score

CATEGORICAL = ["room", "engineer_id", "session_type", "genre", "client_tier"]
NUMERIC = [
    "booked_minutes",
    "n_musicians",
    "n_tracks_planned",
    "client_prior_sessions",
    "client_prior_overrun_mean",
    "start_hour",
    "day_of_week",
    "days_booked_ahead",
    "has_live_drums",
]
TARGET = "overrun_minutes"


def load_sessions(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["session_start", "booked_at"])
    df = df[df["status"] == "completed"].copy()
    df["start_hour"] = df["session_start"].dt.hour
    df["day_of_week"] = df["session_start"].dt.dayofweek
    df["days_booked_ahead"] = (df["session_start"] - df["booked_at"]).dt.days
    df["has_live_drums"] = df["instrument_list"].str.contains("drums", na=False).astype(int)
    df[TARGET] = df[TARGET].clip(lower=0, upper=240)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df.sort_values("session_start").reset_index(drop=True)


def time_split(df: pd.DataFrame, test_frac: float):
    cut = int(len(df) * (1 - test_frac))
    return df.iloc[:cut], df.iloc[cut:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/studio_sessions.csv")
    parser.add_argument("--test-frac", type=float, default=0.2)
    args = parser.parse_args()

    df = load_sessions(args.data)
    features = CATEGORICAL + NUMERIC
    train, test = time_split(df, args.test_frac)
    print(f"train sessions: {len(train)}, test sessions: {len(test)}")
    print(f"test period: {test['session_start'].min():%Y-%m-%d} to {test['session_start'].max():%Y-%m-%d}")

    model = xgb.XGBRegressor(
        n_estimators=3000,
        learning_rate=0.03,
        max_depth=5,
        min_child_weight=3,
        subsample=0.8,
        colsample_bytree=0.8,
        objective="reg:absoluteerror",
        tree_method="hist",
        enable_categorical=True,
        eval_metric="mae",
        early_stopping_rounds=100,
    )
    model.fit(
        train[features],
        train[TARGET],
        eval_set=[(test[features], test[TARGET])],
        verbose=250,
    )

    preds = np.clip(model.predict(test[features]), 0, None)
    baseline = np.full(len(test), train[TARGET].median())
    print(f"best iteration: {model.best_iteration}")
    print(f"MAE (minutes): {mean_absolute_error(test[TARGET], preds):.2f}")
    print(f"MAE median baseline: {mean_absolute_error(test[TARGET], baseline):.2f}")
    print(f"R2: {r2_score(test[TARGET], preds):.3f}")

    importance = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
    print(importance.head(10).to_string())

    by_room = test.assign(abs_err=np.abs(test[TARGET] - preds)).groupby("room", observed=True)["abs_err"].mean()
    print("MAE by room:")
    print(by_room.round(1).to_string())


if __name__ == "__main__":
    main()
