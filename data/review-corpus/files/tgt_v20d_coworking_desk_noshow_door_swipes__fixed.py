# label: leakage/none
"""Coworking hot-desk bookings: predict which booked desks will sit empty, to overbook safely."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score, precision_recall_curve, average_precision_score

BOOKINGS = "data/desk_bookings.csv"
DOORS = "data/door_controller_swipes.csv"
MEMBERS = "data/members.csv"
WINDOW_DAYS = 14
TEST_FROM = "2024-05-01"

PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.85,
    "bagging_fraction": 0.85,
    "bagging_freq": 1,
    "seed": 7,
    "verbose": -1,
}


def door_activity(bookings, swipes, days=WINDOW_DAYS):
    pairs = bookings[["booking_id", "member_id", "desk_date"]].merge(
        swipes[["member_id", "swipe_ts"]], on="member_id", how="inner"
    )
    pairs["swipe_date"] = pairs["swipe_ts"].dt.normalize()
    lag = (pairs["desk_date"] - pairs["swipe_date"]).dt.days
    pairs = pairs[(lag >= 1) & (lag <= days)]
    agg = pairs.groupby("booking_id").agg(
        swipes_window=("swipe_ts", "size"),
        active_days_window=("swipe_date", "nunique"),
    )
    out = bookings.merge(agg, on="booking_id", how="left")
    return out.fillna({"swipes_window": 0, "active_days_window": 0})


def build_table():
    bookings = pd.read_csv(BOOKINGS, parse_dates=["created_at", "desk_date"])
    swipes = pd.read_csv(DOORS, parse_dates=["swipe_ts"])
    members = pd.read_csv(MEMBERS, parse_dates=["joined"])
    df = bookings.merge(members, on="member_id", how="left")
    df = door_activity(df, swipes)
    df["lead_hours"] = (df["desk_date"] - df["created_at"]).dt.total_seconds() / 3600
    df["tenure_days"] = (df["desk_date"] - df["joined"]).dt.days
    df["dow"] = df["desk_date"].dt.dayofweek
    df["is_monday_or_friday"] = df["dow"].isin([0, 4]).astype(int)
    df["plan_flex"] = (df["plan"] == "flex").astype(int)
    df["no_show"] = (~df["checked_in"]).astype(int)
    return df.sort_values("desk_date").reset_index(drop=True)


FEATURES = [
    "lead_hours", "tenure_days", "dow", "is_monday_or_friday", "plan_flex",
    "bookings_last_30d", "noshows_last_30d", "swipes_window", "active_days_window",
    "rain_forecast_mm", "team_size", "has_locker",
]

df = build_table()
print(df.shape, "no-show rate %.3f" % df["no_show"].mean())

train = df[df["desk_date"] < TEST_FROM]
test = df[df["desk_date"] >= TEST_FROM]

dtrain = lgb.Dataset(train[FEATURES], label=train["no_show"])
booster = lgb.train(PARAMS, dtrain, num_boost_round=400)

p = booster.predict(test[FEATURES])
print("AUC %.3f  AP %.3f" % (roc_auc_score(test["no_show"], p), average_precision_score(test["no_show"], p)))

prec, rec, thr = precision_recall_curve(test["no_show"], p)
ok = np.where(prec[:-1] >= 0.9)[0]
if len(ok):
    i = ok[0]
    print(f"precision>=0.9 at threshold {thr[i]:.2f}: recall {rec[i]:.2f}")

gain = pd.Series(booster.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print((gain / gain.sum()).round(3))

daily = test.assign(p=p).groupby("desk_date").agg(booked=("booking_id", "size"),
                                                   empty=("no_show", "sum"), expected_empty=("p", "sum"))
print(daily.tail(10))
