# label: leakage/none
"""Forecast next-hour snowmaking water draw at a ski resort pump house from recent readings."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

water = pd.read_parquet("pump_house_hourly_2021_2024.parquet")
weather = pd.read_csv("summit_station_hourly.csv", parse_dates=["timestamp"])
plan = pd.read_csv("snowmaking_plan.csv", parse_dates=["timestamp"])  # guns scheduled per hour

df = (
    water.merge(weather, on="timestamp", how="left")
    .merge(plan[["timestamp", "guns_scheduled"]], on="timestamp", how="left")
    .sort_values("timestamp")
    .set_index("timestamp")
    .asfreq("h")
)
df["water_m3"] = df["water_m3"].fillna(0.0)  # no reading means pumps were off
df["guns_scheduled"] = df["guns_scheduled"].fillna(0)
weather_cols = ["wet_bulb_c", "wind_ms", "humidity_pct"]
df[weather_cols] = df[weather_cols].ffill(limit=3)

for lag in (1, 2, 3, 6, 24):
    df[f"water_lag{lag}"] = df["water_m3"].shift(lag)
df["water_roll6"] = df["water_m3"].shift(1).rolling(6).mean()
df["water_roll24_max"] = df["water_m3"].shift(1).rolling(24).max()
for col in weather_cols:
    df[f"{col}_prev"] = df[col].shift(1)
df["wet_bulb_trend3"] = df["wet_bulb_c"].shift(1) - df["wet_bulb_c"].shift(4)
df["hour"] = df.index.hour
df["weekday"] = df.index.weekday
df["month"] = df.index.month

df = df[df.index.month.isin([11, 12, 1, 2, 3])].dropna()
FEATURES = [c for c in df.columns if c.startswith(("water_lag", "water_roll"))] + \
    [f"{c}_prev" for c in weather_cols] + ["wet_bulb_trend3", "guns_scheduled", "hour", "weekday", "month"]
X, y = df[FEATURES], df["water_m3"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

model = lgb.LGBMRegressor(
    n_estimators=700,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=7,
    verbose=-1,
)
model.fit(X_train, y_train)
pred = np.clip(model.predict(X_test), 0, None)

mae = mean_absolute_error(y_test, pred)
naive = mean_absolute_error(y_test, X_test["water_lag1"])
print(f"rows: train {len(X_train)}, test {len(X_test)}")
print(f"test MAE: {mae:.2f} m3/h  (persistence {naive:.2f} m3/h)")
imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.head(8).to_string())
