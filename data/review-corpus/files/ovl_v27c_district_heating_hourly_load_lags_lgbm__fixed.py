# label: leakage/none
"""One-hour-ahead forecast of district heating network load (MW) from recent load and weather."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

load = pd.read_csv("network_load_scada.csv", parse_dates=["timestamp"])
# weather values are the day-ahead forecast issued for each hour
wx = pd.read_csv("dayahead_weather_forecast.csv", parse_dates=["timestamp"])
holidays = pd.read_csv("public_holidays.csv", parse_dates=["date"])

load = load.set_index("timestamp").resample("1h").mean(numeric_only=True)
wx = wx.set_index("timestamp").resample("1h").mean(numeric_only=True)
df = load.join(wx[["outdoor_temp_c", "wind_speed_ms", "solar_rad_wm2"]], how="left").reset_index()

df["hour"] = df["timestamp"].dt.hour
df["dow"] = df["timestamp"].dt.dayofweek
df["doy"] = df["timestamp"].dt.dayofyear
df["is_holiday"] = df["timestamp"].dt.normalize().isin(holidays["date"]).astype(int)
df["hdd"] = (15.5 - df["outdoor_temp_c"]).clip(lower=0)

for lag in [1, 2, 3, 24, 48, 168]:
    df[f"load_lag_{lag}"] = df["heat_load_mw"].shift(lag)
df["load_roll_24"] = df["heat_load_mw"].shift(1).rolling(24).mean()
df["temp_roll_72"] = df["outdoor_temp_c"].shift(1).rolling(72).mean()
df["supply_temp_lag_1"] = df["supply_temp_c"].shift(1)
df = df.dropna(subset=["heat_load_mw", "load_lag_168", "temp_roll_72"])

features = ["hour", "dow", "doy", "is_holiday", "outdoor_temp_c", "hdd", "wind_speed_ms", "solar_rad_wm2",
            "load_roll_24", "temp_roll_72", "supply_temp_lag_1"] + [c for c in df.columns if c.startswith("load_lag_")]

X_train, X_test, y_train, y_test = train_test_split(df[features], df["heat_load_mw"],
                                                    test_size=0.2, shuffle=False)

model = lgb.LGBMRegressor(n_estimators=900, learning_rate=0.03, num_leaves=63, min_child_samples=30,
                          subsample=0.8, subsample_freq=1, colsample_bytree=0.8, verbose=-1)
model.fit(X_train, y_train)
pred = model.predict(X_test)

naive = X_test["load_lag_1"]
print(f"hours: train={len(X_train)} test={len(X_test)}")
print(f"LightGBM     MAE={mean_absolute_error(y_test, pred):.2f} MW  "
      f"MAPE={mean_absolute_percentage_error(y_test, pred):.2%}")
print(f"persistence  MAE={mean_absolute_error(y_test, naive):.2f} MW  "
      f"MAPE={mean_absolute_percentage_error(y_test, naive):.2%}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=features).sort_values(ascending=False)
print((imp / imp.sum()).head(10).round(3))
