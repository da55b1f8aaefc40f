# label: leakage/none
# Daily riders on the alpine toboggan run: next-day staffing model.
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

daily = pd.read_csv("toboggan_daily_riders.csv", parse_dates=["date"])
weather = pd.read_csv("summit_forecast_issued_prev_day.csv", parse_dates=["date"])
holidays = pd.read_csv("school_holidays.csv", parse_dates=["date"])

df = (
    daily.merge(weather, on="date", how="left")
    .merge(holidays[["date", "holiday_region_count"]], on="date", how="left")
    .sort_values("date")
    .reset_index(drop=True)
)
df["holiday_region_count"] = df["holiday_region_count"].fillna(0)
df = df[df["open"] == 1].copy()

# calendar
df["dow"] = df["date"].dt.dayofweek
df["month"] = df["date"].dt.month
df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
df["is_weekend"] = (df["dow"] >= 5).astype(int)

# recent demand
for lag in (1, 2, 7, 14):
    df[f"riders_lag{lag}"] = df["riders"].shift(lag)
df["riders_roll7"] = df["riders"].shift(1).rolling(7).mean()
df["riders_roll28"] = df["riders"].shift(1).rolling(28).mean()
df["same_dow_last_year"] = df["riders"].shift(364)

features = [
    "dow", "month", "doy_sin", "doy_cos", "is_weekend", "holiday_region_count",
    "fc_temp_max_c", "fc_precip_mm", "fc_wind_gust_kmh", "fc_sunshine_h",
    "riders_lag1", "riders_lag2", "riders_lag7", "riders_lag14",
    "riders_roll7", "riders_roll28", "same_dow_last_year",
]
df = df.dropna(subset=["riders_lag14", "riders_roll28"])

X_train, X_test, y_train, y_test = train_test_split(
    df[features], df["riders"], test_size=0.2, shuffle=False
)

model = lgb.LGBMRegressor(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=15,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    objective="poisson",
    verbose=-1,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

naive = X_test["riders_lag7"]
print(f"test days: {len(y_test)}")
print(f"MAE model: {mean_absolute_error(y_test, pred):.1f} riders")
print(f"MAE same weekday last week: {mean_absolute_error(y_test, naive):.1f} riders")
print(f"MAPE model: {mean_absolute_percentage_error(y_test, pred):.3f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
print(imp.sort_values(ascending=False).head(10).round(0))
