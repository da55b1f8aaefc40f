# label: leakage/none
# twin: ovl_grid_load_sample_frac__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Hour-ahead load forecast for the regional grid operator."""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_percentage_error

load = (
    pd.read_csv("data/regional_load_hourly.csv", parse_dates=["timestamp"])
    .sort_values("timestamp")
    .set_index("timestamp")
    .asfreq("h")
    .ffill(limit=3)
)

feats = load.assign(
    hour=lambda d: d.index.hour,
    dow=lambda d: d.index.dayofweek,
    month=lambda d: d.index.month,
    lag_1h=lambda d: d["load_mw"].shift(1),
    lag_24h=lambda d: d["load_mw"].shift(24),
    lag_168h=lambda d: d["load_mw"].shift(168),
    roll_24h=lambda d: d["load_mw"].shift(1).rolling(24).mean(),
).dropna()

FEATURES = ["hour", "dow", "month", "lag_1h", "lag_24h", "lag_168h", "roll_24h", "temp_forecast_c"]

cutoff = feats.index[int(len(feats) * 0.8)]
train = feats[feats.index < cutoff]
test = feats[feats.index >= cutoff]

dtrain = xgb.DMatrix(train[FEATURES], label=train["load_mw"])
dtest = xgb.DMatrix(test[FEATURES], label=test["load_mw"])
params = {"objective": "reg:squarederror", "eta": 0.05, "max_depth": 7,
          "subsample": 0.9, "colsample_bytree": 0.9, "seed": 42}
booster = xgb.train(params, dtrain, num_boost_round=800)

pred = booster.predict(dtest)
print(f"MAPE on held-out hours: {mean_absolute_percentage_error(test['load_mw'], pred):.2%}")
booster.save_model("models/load_xgb.json")
