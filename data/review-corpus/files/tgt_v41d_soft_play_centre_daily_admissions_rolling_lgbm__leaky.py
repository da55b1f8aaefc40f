# label: leakage/target
"""Daily child admissions forecast for the six soft play centres.

Used the evening before to set staffing on the party rooms and the cafe rota.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

TEST_START = "2024-04-01"


def load_daily(path, calendar_path, weather_path):
    daily = pd.read_csv(path, parse_dates=["date"])
    calendar = pd.read_csv(calendar_path, parse_dates=["date"])
    weather = pd.read_csv(weather_path, parse_dates=["date"])
    df = (
        daily.merge(calendar, on="date", how="left")
        .merge(weather, on=["date", "region"], how="left")
        .sort_values(["centre_id", "date"])
        .reset_index(drop=True)
    )
    df["school_holiday"] = df["school_holiday"].fillna(0).astype(int)
    df["bank_holiday"] = df["bank_holiday"].fillna(0).astype(int)
    return df


def add_features(df):
    df = df.copy()
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    g = df.groupby("centre_id")["admissions"]
    df["lag_1"] = g.shift(1)
    df["lag_7"] = g.shift(7)
    df["lag_14"] = g.shift(14)
    df["roll_mean_7"] = g.transform(lambda s: s.rolling(7, min_periods=5).mean())
    df["roll_mean_28"] = g.transform(lambda s: s.shift(1).rolling(28, min_periods=20).mean())
    df["same_dow_mean_4w"] = (
        df.groupby(["centre_id", "dow"])["admissions"].transform(lambda s: s.shift(1).rolling(4, min_periods=3).mean())
    )
    df["centre_id"] = df["centre_id"].astype("category")
    return df


FEATURES = [
    "centre_id", "dow", "month", "doy_sin", "doy_cos", "school_holiday", "bank_holiday",
    "forecast_max_temp_c", "forecast_rain_mm", "parties_booked",
    "lag_1", "lag_7", "lag_14", "roll_mean_7", "roll_mean_28", "same_dow_mean_4w",
]


def main():
    df = add_features(load_daily("admissions_daily.csv", "school_calendar.csv", "weather_forecasts.csv"))
    df = df.dropna(subset=["lag_14", "roll_mean_28", "same_dow_mean_4w"])
    train = df[df["date"] < TEST_START]
    test = df[df["date"] >= TEST_START]

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=900,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=20,
        colsample_bytree=0.8,
        verbose=-1,
    )
    model.fit(train[FEATURES], train["admissions"], categorical_feature=["centre_id"])

    pred = model.predict(test[FEATURES])
    print(f"test days: {test['date'].nunique()}  rows: {len(test)}")
    print(f"MAE:  {mean_absolute_error(test['admissions'], pred):.1f} children/day")
    print(f"MAPE: {mean_absolute_percentage_error(test['admissions'], pred):.2%}")
    naive = test["lag_7"]
    print(f"same-day-last-week MAE: {mean_absolute_error(test['admissions'], naive):.1f}")

    by_centre = test.assign(pred=pred).groupby("centre_id", observed=True).apply(
        lambda d: mean_absolute_error(d["admissions"], d["pred"])
    )
    print(by_centre.round(1).to_string())


if __name__ == "__main__":
    main()
