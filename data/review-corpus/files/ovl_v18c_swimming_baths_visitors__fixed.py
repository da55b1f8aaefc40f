# label: leakage/none
"""Daily visitor forecast for the municipal swimming baths (indoor + lido).

Used by the duty manager to plan lifeguard rota two weeks ahead, so every
history feature is lagged by at least 14 days.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

SITES = ["central", "riverside_lido", "northgate"]
HORIZON = 14
BACKTEST_START = "2024-05-01"

XGB_PARAMS = dict(
    n_estimators=600,
    max_depth=5,
    learning_rate=0.03,
    subsample=0.9,
    colsample_bytree=0.8,
    objective="reg:squarederror",
)


def build_features(visits, weather, calendar):
    df = visits.merge(weather, on=["date", "site"], how="left").merge(calendar, on="date", how="left")
    df = df.sort_values(["site", "date"])
    g = df.groupby("site")["visitors"]
    df["lag_14"] = g.shift(HORIZON)
    df["lag_21"] = g.shift(HORIZON + 7)
    df["lag_364"] = g.shift(364)
    df["mean_28_lag14"] = g.transform(lambda s: s.shift(HORIZON).rolling(28, min_periods=7).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["site_code"] = df["site"].map({s: i for i, s in enumerate(SITES)})
    df["warm_day"] = (df["fcst_temp_max"] >= 24).astype(int)
    return df.dropna(subset=["lag_14", "mean_28_lag14"])


FEATURES = [
    "lag_14", "lag_21", "lag_364", "mean_28_lag14", "dow", "doy_sin", "doy_cos", "site_code",
    "fcst_temp_max", "fcst_precip_mm", "fcst_sunshine_h", "warm_day",
    "school_holiday", "bank_holiday", "swim_lessons_scheduled", "lane_closures",
]


def train_model(frame):
    model = xgb.XGBRegressor(**XGB_PARAMS)
    model.fit(frame[FEATURES], frame["visitors"])
    return model


visits = pd.read_csv("data/baths_daily_visits.csv", parse_dates=["date"])
weather = pd.read_csv("data/weather_forecast_d14.csv", parse_dates=["date"])
calendar = pd.read_csv("data/council_calendar.csv", parse_dates=["date"])

feats = build_features(visits, weather, calendar)
print(feats.groupby("site")["date"].agg(["min", "max", "count"]))

model = train_model(feats[feats["date"] < BACKTEST_START])

backtest = feats[feats["date"] >= BACKTEST_START].copy()
backtest["pred"] = model.predict(backtest[FEATURES]).clip(min=0)

for site, part in backtest.groupby("site"):
    mae = mean_absolute_error(part["visitors"], part["pred"])
    mape = mean_absolute_percentage_error(part["visitors"], part["pred"])
    print(f"{site:15s} MAE={mae:7.1f}  MAPE={mape:.3f}")

overall = mean_absolute_error(backtest["visitors"], backtest["pred"])
baseline = mean_absolute_error(backtest["visitors"], backtest["lag_14"])
print(f"backtest MAE {overall:.1f} vs lag-14 baseline {baseline:.1f}")

fig, axes = plt.subplots(len(SITES), 1, figsize=(10, 7), sharex=True)
for ax, site in zip(axes, SITES):
    part = backtest[backtest["site"] == site]
    ax.plot(part["date"], part["visitors"], lw=0.8, label="actual")
    ax.plot(part["date"], part["pred"], lw=0.8, label="forecast")
    ax.set_title(site)
axes[0].legend()
fig.tight_layout()
fig.savefig("figures/baths_backtest.png", dpi=120)
