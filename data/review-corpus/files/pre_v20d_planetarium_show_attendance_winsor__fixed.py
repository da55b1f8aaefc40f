# label: leakage/none
"""Forecast seats sold for planetarium dome shows two days ahead (staffing + extra screenings)."""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

SHOWS = "data/dome_shows.csv"
WEATHER = "data/weather_forecast_d2.csv"
HOLDOUT_START = "2024-01-01"

CLIP_COLS = ["presold_d2", "web_sessions_d7", "school_group_seats", "precip_mm_fc", "cloud_cover_fc"]
FEATURES = CLIP_COLS + [
    "capacity", "runtime_min", "is_live_presenter", "is_new_title", "weeks_since_premiere",
    "dow", "hour", "month", "school_holiday", "temp_c_fc",
]
TARGET = "seats_sold"


class QuantileClipper:
    def __init__(self, cols, lower=0.01, upper=0.99):
        self.cols, self.lower, self.upper = cols, lower, upper

    def fit(self, df):
        self.bounds_ = {c: (df[c].quantile(self.lower), df[c].quantile(self.upper)) for c in self.cols}
        return self

    def transform(self, df):
        out = df.copy()
        for c, (lo, hi) in self.bounds_.items():
            out[c] = out[c].clip(lo, hi)
        return out

    def fit_transform(self, df):
        return self.fit(df).transform(df)


def load():
    shows = pd.read_csv(SHOWS, parse_dates=["show_start"])
    weather = pd.read_csv(WEATHER, parse_dates=["date"])
    shows["date"] = shows["show_start"].dt.normalize()
    df = shows.merge(weather, on="date", how="left")
    df["dow"] = df["show_start"].dt.dayofweek
    df["hour"] = df["show_start"].dt.hour
    df["month"] = df["show_start"].dt.month
    df["is_new_title"] = (df["weeks_since_premiere"] < 6).astype(int)
    return df.sort_values("show_start").reset_index(drop=True)


df = load()
print(df.shape, df["title"].nunique(), "titles")

train = df[df["show_start"] < HOLDOUT_START]
test = df[df["show_start"] >= HOLDOUT_START]

clipper = QuantileClipper(CLIP_COLS)
train = clipper.fit_transform(train)
test = clipper.transform(test)

model = lgb.LGBMRegressor(
    objective="poisson",
    n_estimators=800,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=15,
    colsample_bytree=0.8,
    random_state=0,
    verbose=-1,
)
model.fit(train[FEATURES], train[TARGET], categorical_feature=["dow", "month"])

pred = np.minimum(model.predict(test[FEATURES]), test["capacity"])
print("MAE   %.1f seats" % mean_absolute_error(test[TARGET], pred))
print("MAPE  %.1f%%" % (100 * mean_absolute_percentage_error(test[TARGET].clip(lower=1), pred)))

naive = test["presold_d2"] * (train[TARGET].sum() / train["presold_d2"].sum())
print("presales-ratio baseline MAE %.1f" % mean_absolute_error(test[TARGET], naive.clip(upper=test["capacity"])))

daily = test.assign(pred=pred).groupby(test["show_start"].dt.date)[[TARGET, "pred"]].sum()
daily.plot(figsize=(10, 3), title="seats per day, 2024")
plt.tight_layout()
plt.savefig("dome_daily.png")
