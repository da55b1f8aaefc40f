# label: leakage/overlap
# twin: ovl_grid_load_kfold_shuffled_lags__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import KFold

load = (
    pd.read_csv("substation_hourly_load.csv", parse_dates=["timestamp"])
    .set_index("timestamp")
    .sort_index()
    .asfreq("h")
)
for lag in (1, 2, 24, 168):
    load[f"lag_{lag}"] = load["mw"].shift(lag)
load["hour"] = load.index.hour
load["dow"] = load.index.dayofweek
load = load.dropna()

X = load.drop(columns="mw")
y = load["mw"]

cv = KFold(n_splits=5, shuffle=True, random_state=42)
fold_mape = []
for fold, (tr, te) in enumerate(cv.split(X)):
    model = lgb.LGBMRegressor(n_estimators=500, learning_rate=0.05, num_leaves=63, random_state=42)
    model.fit(X.iloc[tr], y.iloc[tr])
    mape = mean_absolute_percentage_error(y.iloc[te], model.predict(X.iloc[te]))
    fold_mape.append(mape)
    print(f"fold {fold}: MAPE {mape:.3%}")
print("mean MAPE", np.mean(fold_mape))
