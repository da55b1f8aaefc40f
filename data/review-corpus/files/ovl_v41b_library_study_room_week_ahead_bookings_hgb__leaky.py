# label: leakage/overlap
# University library: forecast group study room bookings for the coming week per branch,
# used to decide how many rooms to release for teaching overflow.
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

HORIZON = 7
CUTOFF = pd.Timestamp("2024-01-08")


def load_daily(path, calendar_path):
    bookings = pd.read_csv(path, parse_dates=["booking_date"])
    daily = (
        bookings.groupby(["branch", "booking_date"])["room_hours"].sum()
        .unstack("branch").asfreq("D").fillna(0.0)
        .stack().rename("room_hours").reset_index()
        .rename(columns={"booking_date": "date"})
    )
    cal = pd.read_csv(calendar_path, parse_dates=["date"])
    return daily.merge(cal[["date", "term_week", "exam_period", "reading_week"]], on="date", how="left")


def add_features(daily):
    daily = daily.sort_values(["branch", "date"]).copy()
    g = daily.groupby("branch")["room_hours"]
    for lag in (0, 1, 2, 7, 14):
        daily[f"lag_{lag}"] = g.shift(lag)
    daily["mean_7"] = g.transform(lambda s: s.rolling(7).mean())
    daily["mean_28"] = g.transform(lambda s: s.rolling(28).mean())
    daily["dow"] = daily["date"].dt.dayofweek
    daily["month"] = daily["date"].dt.month
    daily["branch_code"] = daily["branch"].astype("category").cat.codes
    # target: total room hours over the next seven days
    daily["next_week_hours"] = g.transform(lambda s: s.rolling(HORIZON).sum().shift(-HORIZON))
    return daily.dropna()


FEATURES = [
    "lag_0", "lag_1", "lag_2", "lag_7", "lag_14", "mean_7", "mean_28",
    "dow", "month", "branch_code", "term_week", "exam_period", "reading_week",
]


def main():
    daily = add_features(load_daily("data/study_room_bookings.csv", "data/academic_calendar.csv"))

    train = daily[daily["date"] < CUTOFF]
    test = daily[daily["date"] >= CUTOFF]
    print(f"train {train.date.min():%Y-%m-%d} .. {train.date.max():%Y-%m-%d}  ({len(train)} rows)")
    print(f"test  {test.date.min():%Y-%m-%d} .. {test.date.max():%Y-%m-%d}  ({len(test)} rows)")

    model = HistGradientBoostingRegressor(
        max_iter=500, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0,
        categorical_features=[FEATURES.index("branch_code")], random_state=4,
    )
    model.fit(train[FEATURES], train["next_week_hours"])

    pred = model.predict(test[FEATURES])
    mae = mean_absolute_error(test["next_week_hours"], pred)
    mape = mean_absolute_percentage_error(test["next_week_hours"] + 1, pred + 1)
    naive = mean_absolute_error(test["next_week_hours"], test["mean_7"] * HORIZON)
    print(f"MAE {mae:.1f} room-hours  (naive 7-day mean x7: {naive:.1f})  MAPE {mape:.1%}")

    per_branch = (
        test.assign(pred=pred, abs_err=np.abs(pred - test["next_week_hours"]))
        .groupby("branch")[["next_week_hours", "pred", "abs_err"]].mean().round(1)
    )
    print(per_branch)


if __name__ == "__main__":
    main()
