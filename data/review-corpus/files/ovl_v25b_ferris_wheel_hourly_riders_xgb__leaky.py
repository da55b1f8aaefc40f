# label: leakage/overlap
"""Forecast hourly riders on a seaside observation wheel from calendar, weather and recent ridership."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

rides = pd.read_csv("wheel_gate_counts.csv", parse_dates=["hour"])
weather = pd.read_csv("promenade_weather_hourly.csv", parse_dates=["hour"])
events = pd.read_csv("town_events.csv", parse_dates=["date"])

hourly = (rides.set_index("hour")["riders"]
               .resample("h").sum()
               .to_frame())
hourly = hourly.join(weather.set_index("hour")[["temp_c", "wind_kmh", "rain_mm", "sunshine_min"]], how="left")
hourly[["temp_c", "wind_kmh"]] = hourly[["temp_c", "wind_kmh"]].ffill(limit=3)
hourly[["rain_mm", "sunshine_min"]] = hourly[["rain_mm", "sunshine_min"]].fillna(0)

# closed overnight: keep operating hours only
hourly = hourly[(hourly.index.hour >= 10) & (hourly.index.hour <= 22)].copy()

hourly["hour_of_day"] = hourly.index.hour
hourly["dow"] = hourly.index.dayofweek
hourly["month"] = hourly.index.month
hourly["date"] = hourly.index.normalize()
hourly = hourly.merge(events.assign(event_day=1)[["date", "event_day"]].drop_duplicates(),
                      on="date", how="left").set_index(hourly.index)
hourly["event_day"] = hourly["event_day"].fillna(0)
hourly["wind_closure_risk"] = (hourly["wind_kmh"] > 45).astype(int)

for lag in (1, 2, 3, 13, 26, 91):  # 13 operating hours per day
    hourly[f"riders_lag{lag}"] = hourly["riders"].shift(lag)
hourly["riders_roll13"] = hourly["riders"].shift(1).rolling(13).mean()
hourly = hourly.dropna()

features = [c for c in hourly.columns if c not in ("riders", "date")]
X, y = hourly[features], hourly["riders"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)

model = xgb.XGBRegressor(n_estimators=800, learning_rate=0.03, max_depth=6,
                         subsample=0.8, colsample_bytree=0.8, objective="reg:squarederror")
model.fit(X_train, y_train)

pred = np.clip(model.predict(X_test), 0, None)
naive = X_test["riders_lag13"]
print(f"model MAE:           {mean_absolute_error(y_test, pred):.1f} riders/hour")
print(f"same-hour-yesterday: {mean_absolute_error(y_test, naive):.1f} riders/hour")
