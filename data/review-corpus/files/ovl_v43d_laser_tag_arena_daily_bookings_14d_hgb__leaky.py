# label: leakage/overlap
"""Two-week booking outlook for the laser tag arenas.

Each evening, for every arena, estimate the number of group bookings that
will be played over the next 14 days. Used for marshal rostering.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

HORIZON = 14
CUTOFF = pd.Timestamp("2024-03-01")


def load_daily(path="data/arena_daily_bookings.csv", holidays_path="data/school_holidays.csv"):
    daily = pd.read_csv(path, parse_dates=["date"])
    holidays = pd.read_csv(holidays_path, parse_dates=["date"])
    daily = daily.merge(holidays[["date", "region", "is_school_holiday"]],
                        on=["date", "region"], how="left")
    daily["is_school_holiday"] = daily["is_school_holiday"].fillna(0).astype(int)
    return daily.sort_values(["arena_id", "date"]).reset_index(drop=True)


def next_window_sum(s: pd.Series, horizon: int) -> pd.Series:
    # sum of bookings on days t+1 .. t+horizon
    return s.shift(-1).rolling(horizon, min_periods=horizon).sum().shift(-(horizon - 1))


def add_features(daily: pd.DataFrame) -> pd.DataFrame:
    g = daily.groupby("arena_id")["bookings"]
    for lag in (1, 7, 14, 28):
        daily[f"lag_{lag}"] = g.shift(lag - 1)
    daily["mean_7"] = g.transform(lambda s: s.rolling(7, min_periods=7).mean())
    daily["mean_28"] = g.transform(lambda s: s.rolling(28, min_periods=28).mean())
    daily["enquiries_7"] = daily.groupby("arena_id")["web_enquiries"].transform(
        lambda s: s.rolling(7, min_periods=1).sum()
    )
    daily["dow"] = daily["date"].dt.dayofweek
    daily["month"] = daily["date"].dt.month
    daily["holiday_days_28"] = daily.groupby("arena_id")["is_school_holiday"].transform(
        lambda s: s.rolling(28, min_periods=1).sum()
    )
    daily["target"] = g.transform(lambda s: next_window_sum(s, HORIZON))
    return daily


FEATURES = ["arena_id", "lag_1", "lag_7", "lag_14", "lag_28", "mean_7", "mean_28",
            "enquiries_7", "dow", "month", "is_school_holiday", "holiday_days_28", "capacity_per_day"]


def main():
    daily = add_features(load_daily())
    daily = daily.dropna(subset=["lag_28", "mean_28", "target"])

    train = daily[daily["date"] < CUTOFF]
    test = daily[daily["date"] >= CUTOFF]
    print(f"train rows {len(train)} up to {train['date'].max():%Y-%m-%d}")
    print(f"test rows {len(test)} from {test['date'].min():%Y-%m-%d}")

    model = HistGradientBoostingRegressor(
        loss="poisson",
        learning_rate=0.05,
        max_iter=500,
        max_leaf_nodes=31,
        min_samples_leaf=30,
        categorical_features=[0],
        random_state=0,
    )
    model.fit(train[FEATURES], train["target"])

    pred = model.predict(test[FEATURES])
    naive = test["mean_28"] * HORIZON
    print(f"MAE 14-day bookings:  {mean_absolute_error(test['target'], pred):.2f}")
    print(f"MAE 28-day mean x 14: {mean_absolute_error(test['target'], naive):.2f}")

    per_arena = (
        test.assign(err=np.abs(test["target"] - pred))
        .groupby("arena_id")["err"]
        .mean()
        .round(2)
    )
    print(per_arena.to_string())


if __name__ == "__main__":
    main()
