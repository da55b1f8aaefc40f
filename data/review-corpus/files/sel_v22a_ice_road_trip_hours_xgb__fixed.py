# label: leakage/none
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_squared_error, mean_absolute_error

HAULS = "data/winter_road_hauls.csv"
WEATHER = "data/winter_road_weather_daily.csv"
WINDOWS = [3, 5, 7, 10, 14, 21]
TRAIN_SEASONS = [2015, 2016, 2017, 2018, 2019, 2020]
VAL_SEASON = 2020
TEST_SEASON = 2021
XGB_PARAMS = dict(n_estimators=500, max_depth=5, learning_rate=0.04, subsample=0.85,
                  colsample_bytree=0.8, min_child_weight=3, reg_lambda=1.0, random_state=3)
BASE_COLS = ["load_tonnes", "axle_count", "route_km", "portage_count", "convoy_size",
             "driver_seasons", "depart_hour", "day_of_season"]


def read_weather(path):
    w = pd.read_csv(path, parse_dates=["date"]).sort_values("date").set_index("date")
    w = w.asfreq("D")
    w[["air_temp_c", "wind_kmh"]] = w[["air_temp_c", "wind_kmh"]].ffill(limit=3)
    w["snowfall_cm"] = w["snowfall_cm"].fillna(0.0)
    w["ice_cm"] = w["ice_cm"].ffill()
    return w


def weather_features(w, k):
    prior = w.shift(1)
    feats = pd.DataFrame(index=w.index)
    feats[f"temp_mean_{k}d"] = prior["air_temp_c"].rolling(k, min_periods=1).mean()
    feats[f"fdd_{k}d"] = (-prior["air_temp_c"]).clip(lower=0).rolling(k, min_periods=1).sum()
    feats[f"snow_sum_{k}d"] = prior["snowfall_cm"].rolling(k, min_periods=1).sum()
    feats[f"wind_max_{k}d"] = prior["wind_kmh"].rolling(k, min_periods=1).max()
    feats["ice_cm_last"] = prior["ice_cm"]
    return feats


def build_table(hauls, w, k):
    feats = weather_features(w, k)
    table = hauls.merge(feats, left_on="depart_date", right_index=True, how="left")
    cols = BASE_COLS + list(feats.columns)
    return table, cols


def fit_predict(train, test, cols):
    model = xgb.XGBRegressor(**XGB_PARAMS)
    model.fit(train[cols], np.log1p(train["trip_hours"]))
    return model, np.expm1(model.predict(test[cols]))


hauls = pd.read_csv(HAULS, parse_dates=["depart_time"])
hauls["depart_date"] = hauls["depart_time"].dt.normalize()
hauls["depart_hour"] = hauls["depart_time"].dt.hour
season_start = hauls.groupby("season")["depart_date"].transform("min")
hauls["day_of_season"] = (hauls["depart_date"] - season_start).dt.days
weather = read_weather(WEATHER)
print(hauls.groupby("season")["trip_hours"].agg(["count", "median"]))

train_mask = hauls["season"].isin(TRAIN_SEASONS)
test_mask = hauls["season"] == TEST_SEASON

fit_mask = train_mask & (hauls["season"] != VAL_SEASON)
val_mask = hauls["season"] == VAL_SEASON

rmse_by_k = {}
for k in WINDOWS:
    table, cols = build_table(hauls, weather, k)
    _, pred = fit_predict(table[fit_mask], table[val_mask], cols)
    rmse_by_k[k] = mean_squared_error(table.loc[val_mask, "trip_hours"], pred) ** 0.5
    print(f"window {k:2d} days -> RMSE {rmse_by_k[k]:.2f} h")

best_k = min(rmse_by_k, key=rmse_by_k.get)
table, cols = build_table(hauls, weather, best_k)
model, pred = fit_predict(table[train_mask], table[test_mask], cols)
y_test = table.loc[test_mask, "trip_hours"]
print(f"weather window: {best_k} days")
print(f"{TEST_SEASON} season  RMSE {mean_squared_error(y_test, pred) ** 0.5:.2f} h  "
      f"MAE {mean_absolute_error(y_test, pred):.2f} h  (n={test_mask.sum()})")

fig, ax = plt.subplots(1, 2, figsize=(11, 4))
ax[0].plot(list(rmse_by_k), list(rmse_by_k.values()), marker="o")
ax[0].set_xlabel("lookback window (days)")
ax[0].set_ylabel("RMSE (h)")
ax[1].scatter(y_test, pred, s=6, alpha=0.4)
ax[1].plot([0, y_test.max()], [0, y_test.max()], color="grey", lw=1)
ax[1].set_xlabel("actual trip hours")
ax[1].set_ylabel("predicted")
fig.tight_layout()
fig.savefig("winter_road_trip_hours.png", dpi=120)
