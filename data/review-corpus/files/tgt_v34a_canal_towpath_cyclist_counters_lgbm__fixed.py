# label: leakage/none
# Daily cyclist counts at the towpath induction-loop counters, used to plan
# towpath closures and ranger cover. Model predicts tomorrow's count per counter.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

COUNTS = "data/towpath_counter_daily.csv"
WEATHER = "data/weather_forecast_daily.csv"
SPLIT_DATE = "2024-04-01"


def load_counts() -> pd.DataFrame:
    counts = pd.read_csv(COUNTS, parse_dates=["date"])
    # days flagged by the maintenance contractor (loop cut, resurfacing) are unusable
    counts = counts[~counts["loop_fault"].fillna(False).astype(bool)]
    weather = pd.read_csv(WEATHER, parse_dates=["date"])
    return counts.merge(weather, on=["date", "region"], how="left").sort_values(["counter_id", "date"])


def add_history(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("counter_id")["cyclists"]
    df["lag_7"] = g.shift(7)
    df["lag_14"] = g.shift(14)
    df["roll_mean_7"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["roll_mean_28"] = g.transform(lambda s: s.shift(1).rolling(28, min_periods=10).mean())
    df["roll_max_28"] = g.transform(lambda s: s.shift(1).rolling(28, min_periods=10).max())
    return df


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["daylight_h"] = 12 + 4.5 * np.sin(2 * np.pi * (df["date"].dt.dayofyear - 80) / 365.25)
    df["counter_id"] = df["counter_id"].astype("category")
    return df


FEATURES = [
    "counter_id",
    "dow",
    "month",
    "is_weekend",
    "daylight_h",
    "bank_holiday",
    "fc_tmax_c",
    "fc_rain_mm",
    "fc_wind_kmh",
    "lag_7",
    "lag_14",
    "roll_mean_7",
    "roll_mean_28",
    "roll_max_28",
]


def main():
    df = add_calendar(add_history(load_counts()))
    df = df.dropna(subset=["lag_14", "roll_mean_28"])

    train = df[df["date"] < SPLIT_DATE]
    test = df[df["date"] >= SPLIT_DATE]
    print(f"train {train['date'].min():%Y-%m-%d}..{train['date'].max():%Y-%m-%d}  "
          f"test {test['date'].min():%Y-%m-%d}..{test['date'].max():%Y-%m-%d}")

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=900,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        verbose=-1,
    )
    model.fit(train[FEATURES], train["cyclists"], categorical_feature=["counter_id"])

    test = test.assign(pred=model.predict(test[FEATURES]))
    print(f"MAE all counters: {mean_absolute_error(test['cyclists'], test['pred']):.1f}")
    per_counter = test.groupby("counter_id", observed=True).apply(
        lambda d: pd.Series({
            "mae": mean_absolute_error(d["cyclists"], d["pred"]),
            "mean_count": d["cyclists"].mean(),
        })
    )
    per_counter["wape"] = per_counter["mae"] / per_counter["mean_count"]
    print(per_counter.sort_values("wape").round(2).to_string())


if __name__ == "__main__":
    main()
