# label: leakage/none
# twin: ovl_substation_load__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_percentage_error

HORIZON = 24

load = pd.read_csv(
    "scada/substation_17_hourly.csv", parse_dates=["timestamp"], index_col="timestamp"
).sort_index()
load = load.asfreq("h")


def make_features(frame):
    out = pd.DataFrame(index=frame.index)
    out["hour"] = frame.index.hour
    out["dow"] = frame.index.dayofweek
    out["month"] = frame.index.month
    out["is_holiday"] = frame["is_holiday"].fillna(0).astype(int)
    out["temp_forecast_c"] = frame["temp_forecast_c"]
    for lag in (HORIZON, HORIZON + 1, 48, 168):
        out[f"lag_{lag}"] = frame["load_mw"].shift(lag)
    out["roll_mean_24"] = frame["load_mw"].shift(HORIZON).rolling(24).mean()
    out["roll_max_168"] = frame["load_mw"].shift(HORIZON).rolling(168).max()
    return out


X = make_features(load)
data = X.assign(target=load["load_mw"]).dropna()
X, y = data.drop(columns="target"), data["target"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

model = HistGradientBoostingRegressor(
    max_iter=800, learning_rate=0.05, max_leaf_nodes=63, early_stopping=False, random_state=1
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"test period: {X_test.index.min()} .. {X_test.index.max()}")
print(f"test MAPE: {mean_absolute_percentage_error(y_test, pred):.3%}")
print(f"test MAE:  {np.mean(np.abs(y_test - pred)):.2f} MW")
