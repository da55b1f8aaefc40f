# label: leakage/target
# twin: tgt_v14_rainfall_rolling__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Rainfall (mm) in the 24 h after the 9am observation, nowcast from 9am station data with a Tweedie GLM."""
import numpy as np
import pandas as pd
import statsmodels.api as sm

OBS = "data/weather_stations/daily_obs.csv"
STATIONS = ["Albury", "Ballarat", "Bendigo", "Canberra", "WaggaWagga", "Sale", "Mildura"]
TEST_YEAR = 2016
BASE = ["humidity_9am", "pressure_9am", "cloud_9am", "temp_9am", "wind_speed_9am", "dewpoint_depression_9am"]
HISTORY = ["rain_3d_mean", "rain_7d_sum", "wet_days_7d", "pressure_change"]


def add_station_history(df):
    df = df.sort_values(["station", "date"]).copy()
    by_station = df.groupby("station")["rain_mm"]
    df["rain_3d_mean"] = by_station.transform(lambda s: s.rolling(3, min_periods=1).mean())
    df["rain_7d_sum"] = by_station.transform(lambda s: s.rolling(7, min_periods=1).sum())
    df["wet_days_7d"] = by_station.transform(lambda s: (s > 1.0).rolling(7, min_periods=1).sum())
    df["pressure_change"] = df.groupby("station")["pressure_9am"].diff()
    return df


def design(df):
    X = df[BASE + HISTORY].copy()
    X = X.join(pd.get_dummies(df["station"], prefix="st", drop_first=True, dtype=float))
    return sm.add_constant(X, has_constant="add")


def load():
    df = pd.read_csv(OBS, parse_dates=["date"])
    df = df[df["station"].isin(STATIONS)].copy()
    df["station"] = pd.Categorical(df["station"], categories=STATIONS)
    df["dewpoint_depression_9am"] = df["temp_9am"] - df["dewpoint_9am"]
    df = add_station_history(df)
    return df.dropna(subset=BASE + HISTORY + ["rain_mm"])


if __name__ == "__main__":
    df = load()
    train = df[df["date"].dt.year < TEST_YEAR]
    test = df[df["date"].dt.year == TEST_YEAR]

    family = sm.families.Tweedie(var_power=1.5, link=sm.families.links.Log())
    glm = sm.GLM(train["rain_mm"], design(train), family=family).fit()
    print(glm.summary().tables[1])

    pred = glm.predict(design(test))
    mae = np.mean(np.abs(pred - test["rain_mm"]))
    wet = test["rain_mm"] > 1.0
    hit = np.mean((pred > 1.0)[wet])
    false_alarm = np.mean((pred > 1.0)[~wet])
    print(f"{TEST_YEAR}: MAE {mae:.2f} mm | wet-day hit rate {hit:.1%} | false alarms {false_alarm:.1%}")
