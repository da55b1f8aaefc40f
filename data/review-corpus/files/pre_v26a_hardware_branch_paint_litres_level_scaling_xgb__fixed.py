# label: leakage/none
"""Forecast next week's exterior paint litres sold at each hardware store branch."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

CUTOFF = pd.Timestamp("2023-07-03")
LAGS = (1, 2, 3, 4, 52)

sales = pd.read_csv("branch_paint_sales_weekly.csv", parse_dates=["week_start"])
branches = pd.read_csv("branches.csv")          # branch_id, floor_area_m2, trade_counter, region
outlook = pd.read_csv("weekly_weather_outlook.csv", parse_dates=["week_start"])   # issued the week before
promos = pd.read_csv("promo_calendar.csv", parse_dates=["week_start"])            # planned weeks ahead

df = (
    sales.merge(branches, on="branch_id", how="left")
    .merge(outlook[["region", "week_start", "dry_days_fc", "temp_mean_fc"]],
           on=["region", "week_start"], how="left")
    .merge(promos[["week_start", "exterior_promo"]], on="week_start", how="left")
    .sort_values(["branch_id", "week_start"])
    .reset_index(drop=True)
)
df["litres"] = df["litres"].clip(lower=0)
df["exterior_promo"] = df["exterior_promo"].fillna(0).astype(int)
df["trade_counter"] = df["trade_counter"].astype(int)

# put branches of very different size on a common scale
history = df[df["week_start"] < CUTOFF]
df["branch_level"] = df["branch_id"].map(history.groupby("branch_id")["litres"].mean())
df = df[df["branch_level"] > 0].reset_index(drop=True)
df["y_scaled"] = df["litres"] / df["branch_level"]

g = df.groupby("branch_id")["y_scaled"]
for lag in LAGS:
    df[f"lag_{lag}"] = g.shift(lag)
df["roll_8"] = g.transform(lambda s: s.shift(1).rolling(8).mean())
df["roll_8_std"] = g.transform(lambda s: s.shift(1).rolling(8).std())
df["week_of_year"] = df["week_start"].dt.isocalendar().week.astype(int)
df = df.dropna(subset=[f"lag_{lag}" for lag in LAGS] + ["roll_8_std", "dry_days_fc"])

features = ([f"lag_{lag}" for lag in LAGS] + ["roll_8", "roll_8_std", "week_of_year",
            "dry_days_fc", "temp_mean_fc", "exterior_promo", "floor_area_m2", "trade_counter"])
train = df[df["week_start"] < CUTOFF]
test = df[df["week_start"] >= CUTOFF]
print(f"{train['week_start'].nunique()} training weeks, {test['week_start'].nunique()} test weeks")

model = xgb.XGBRegressor(n_estimators=500, max_depth=5, learning_rate=0.04, subsample=0.8,
                         colsample_bytree=0.8, min_child_weight=5, random_state=2)
model.fit(train[features], train["y_scaled"])

pred = model.predict(test[features]) * test["branch_level"].to_numpy()
actual = test["litres"].to_numpy()
seasonal_naive = test["lag_52"].to_numpy() * test["branch_level"].to_numpy()
print(f"MAE: {mean_absolute_error(actual, pred):.1f} L")
print(f"same-week-last-year MAE: {mean_absolute_error(actual, seasonal_naive):.1f} L")
print(f"WAPE: {np.abs(actual - pred).sum() / actual.sum():.3f}")
