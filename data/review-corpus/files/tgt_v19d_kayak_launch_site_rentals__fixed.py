# label: leakage/none
"""Daily kayak/SUP rentals per launch site: gradient boosting with calendar and weather."""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, mean_squared_error

CONF = {
    "rentals": "data/launch_site_daily_rentals.csv",
    "weather": "data/marina_weather_daily.csv",
    "holdout_from": "2024-06-01",
    "y": "rentals",
}


def load(conf):
    r = pd.read_csv(conf["rentals"], parse_dates=["date"])
    w = pd.read_csv(conf["weather"], parse_dates=["date"])
    df = r.merge(w, on=["date", "marina"], how="left")
    return df.sort_values(["site_id", "date"]).reset_index(drop=True)


def engineer(df, y):
    g = df.groupby("site_id")[y]
    df["lag1"] = g.shift(1)
    df["lag7"] = g.shift(7)
    df["mean7_prev"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["momentum"] = g.transform(lambda s: s.shift(1).diff())
    df["dow"] = df["date"].dt.dayofweek
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["week"] = df["date"].dt.isocalendar().week.astype(int)
    df["warm_calm"] = ((df["tmax_fcst_c"] > 24) & (df["wind_fcst_kmh"] < 15)).astype(int)
    df["site_code"] = df["site_id"].astype("category").cat.codes
    return df


FEATURES = ["lag1", "lag7", "mean7_prev", "momentum", "dow", "is_weekend",
            "week", "holiday", "school_break", "tmax_fcst_c", "wind_fcst_kmh",
            "rain_prob_fcst", "water_temp_morning_c", "warm_calm", "boats_available",
            "site_code"]

df = engineer(load(CONF), CONF["y"]).dropna(subset=["lag7", "mean7_prev"])
train = df[df["date"] < CONF["holdout_from"]]
hold = df[df["date"] >= CONF["holdout_from"]]
print(f"train {train['date'].min():%Y-%m-%d}..{train['date'].max():%Y-%m-%d}, "
      f"holdout {len(hold)} site-days")

reg = xgb.XGBRegressor(n_estimators=800, max_depth=6, learning_rate=0.03,
                       subsample=0.9, colsample_bytree=0.8,
                       objective="count:poisson", random_state=8)
reg.fit(train[FEATURES], train[CONF["y"]])
pred = reg.predict(hold[FEATURES])

mae = mean_absolute_error(hold[CONF["y"]], pred)
rmse = mean_squared_error(hold[CONF["y"]], pred) ** 0.5
base = mean_absolute_error(hold[CONF["y"]], hold["lag7"])
print(f"MAE {mae:.2f}  RMSE {rmse:.2f}  (same-weekday-last-week MAE {base:.2f})")

per_site = (hold.assign(pred=pred, err=lambda d: (d["pred"] - d[CONF["y"]]).abs())
            .groupby("site_id")["err"].mean().sort_values())
print(per_site.round(2))

site = per_site.index[-1]
part = hold.assign(pred=pred).query("site_id == @site")
plt.figure(figsize=(10, 3))
plt.plot(part["date"], part[CONF["y"]], label="rentals")
plt.plot(part["date"], part["pred"], label="predicted")
plt.title(f"site {site}")
plt.legend()
plt.tight_layout()
plt.savefig("kayak_site_holdout.png", dpi=110)
