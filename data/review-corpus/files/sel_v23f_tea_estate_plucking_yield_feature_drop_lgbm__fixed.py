# label: leakage/none
"""Forecast weekly green-leaf plucking yield (kg/ha) per tea estate block with LightGBM."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_squared_error

plucks = pd.read_parquet("estate_plucking_weekly.parquet")
weather = pd.read_csv("estate_weather_weekly.csv", parse_dates=["week"])
blocks = pd.read_csv("block_register.csv")

plucks["week"] = pd.to_datetime(plucks["week"])
df = (plucks.merge(weather, on=["estate", "week"], how="left")
            .merge(blocks, on="block_id", how="left")
            .sort_values(["block_id", "week"]))

g = df.groupby("block_id")
df["yield_lag1"] = g["yield_kg_ha"].shift(1)
df["yield_lag2"] = g["yield_kg_ha"].shift(2)
df["yield_lag52"] = g["yield_kg_ha"].shift(52)
df["rain_prev4"] = g["rain_mm"].transform(lambda s: s.shift(1).rolling(4).sum())
df["sun_prev2"] = g["sunshine_h"].transform(lambda s: s.shift(1).rolling(2).mean())
df["temp_prev1"] = g["mean_temp_c"].shift(1)
df["week_of_year"] = df["week"].dt.isocalendar().week.astype(int)
df["clone"] = df["clone"].astype("category")
df = df.dropna(subset=["yield_lag1", "yield_lag2", "rain_prev4"])

features = ["yield_lag1", "yield_lag2", "yield_lag52", "rain_prev4", "sun_prev2",
            "temp_prev1", "week_of_year", "altitude_m",
            "bush_age_yrs", "fertiliser_kg_ha", "clone", "plucking_round_days"]
target = "yield_kg_ha"

train = df[df["week"] < "2023-01-01"]
test = df[df["week"] >= "2023-01-01"]
fit_part = train[train["week"] < "2022-01-01"]
val_part = train[train["week"] >= "2022-01-01"]

params = dict(n_estimators=600, learning_rate=0.03, num_leaves=31,
              min_child_samples=30, subsample=0.8, subsample_freq=1,
              colsample_bytree=0.8, random_state=3, verbose=-1)


def rmse_for(cols, fit_df, eval_df):
    model = lgb.LGBMRegressor(**params)
    model.fit(fit_df[cols], fit_df[target])
    pred = model.predict(eval_df[cols])
    return np.sqrt(mean_squared_error(eval_df[target], pred))


selected = list(features)
best = rmse_for(selected, fit_part, val_part)
print(f"all features: validation RMSE={best:.1f}")

improved = True
while improved and len(selected) > 3:
    improved = False
    trials = {f: rmse_for([c for c in selected if c != f], fit_part, val_part) for f in selected}
    drop, score = min(trials.items(), key=lambda kv: kv[1])
    if score < best:
        selected.remove(drop)
        best = score
        improved = True
        print(f"dropped {drop:<20} validation RMSE={score:.1f}")

print("kept features:", selected)
test_rmse = rmse_for(selected, train, test)
print(f"2023 weekly yield RMSE: {test_rmse:.1f} kg/ha")
