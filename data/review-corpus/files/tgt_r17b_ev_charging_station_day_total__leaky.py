# label: leakage/target
# twin: tgt_r17b_ev_charging_station_day_total__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

SESSIONS_CSV = "chargepoint_export/sessions.csv"
STATIONS_CSV = "chargepoint_export/stations.csv"
WEATHER_CSV = "chargepoint_export/weather_forecast_d1.csv"
TEST_START = pd.Timestamp("2023-09-01")


def read_sessions(path):
    s = pd.read_csv(path, parse_dates=["plug_in_time"])
    s = s[s["kwh_delivered"].between(0.1, 150)]
    s["day"] = s["plug_in_time"].dt.normalize()
    s["hour"] = s["plug_in_time"].dt.hour
    s["dow"] = s["plug_in_time"].dt.dayofweek
    s["is_weekend"] = (s["dow"] >= 5).astype(int)
    return s


def station_day_totals(s):
    daily = (s.groupby(["station_id", "day"], as_index=False)
               .agg(station_day_kwh=("kwh_delivered", "sum"),
                    station_day_sessions=("session_id", "count")))
    return daily


def driver_profile(s):
    s = s.sort_values("plug_in_time")
    g = s.groupby("driver_id")["kwh_delivered"]
    s["driver_prev_kwh"] = g.shift(1)
    s["driver_prev_mean_kwh"] = g.transform(lambda v: v.shift(1).expanding().mean())
    return s


sessions = read_sessions(SESSIONS_CSV)
stations = pd.read_csv(STATIONS_CSV)
weather = pd.read_csv(WEATHER_CSV, parse_dates=["day"])

daily = station_day_totals(sessions)
sessions = sessions.merge(daily, on=["station_id", "day"], how="left")
sessions = driver_profile(sessions)
sessions = sessions.merge(stations[["station_id", "max_kw", "site_type", "n_ports"]],
                          on="station_id", how="left")
sessions = sessions.merge(weather[["day", "fcst_tmax_c", "fcst_precip_mm"]], on="day", how="left")
sessions["site_type"] = sessions["site_type"].astype("category").cat.codes

features = [
    "hour", "dow", "is_weekend", "max_kw", "site_type", "n_ports",
    "fcst_tmax_c", "fcst_precip_mm", "driver_prev_kwh", "driver_prev_mean_kwh",
    "station_day_kwh", "station_day_sessions",
]
target = "kwh_delivered"

train = sessions[sessions["plug_in_time"] < TEST_START]
test = sessions[sessions["plug_in_time"] >= TEST_START]

model = HistGradientBoostingRegressor(
    max_iter=500, learning_rate=0.05, max_leaf_nodes=48, l2_regularization=1.0, random_state=0
)
model.fit(train[features], train[target])
pred = model.predict(test[features])

print(f"n_train={len(train)}  n_test={len(test)}")
print(f"MAE  {mean_absolute_error(test[target], pred):.3f} kWh")
print(f"R2   {r2_score(test[target], pred):.3f}")

baseline = np.full(len(test), train[target].median())
print(f"median baseline MAE {mean_absolute_error(test[target], baseline):.3f} kWh")

err = test.assign(abs_err=np.abs(test[target] - pred)).groupby("site_type")["abs_err"].mean()
err.plot.bar(title="MAE by site type")
plt.ylabel("kWh")
plt.tight_layout()
plt.savefig("ev_mae_by_site.png")
