# label: leakage/none
# twin: ovl_r13b_bridge_strain_lag_cv__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Bridge sensor strain: expected mid-span strain for structural-health alerts.

Hourly readings from one strain gauge; the model combines the gauge's recent
history with deck temperature and traffic so that large residuals can be
flagged. Cross-validated error sets the alert band.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from xgboost import XGBRegressor

LAGS = [1, 2, 3, 6, 12, 24, 168]
EXOG = ["deck_temp_c", "air_temp_c", "axle_count", "heavy_vehicle_share", "wind_ms"]

raw = (
    pd.read_csv("data/bridge_midspan_hourly.csv", parse_dates=["ts"])
    .set_index("ts")
    .sort_index()
    .asfreq("h")
)


def add_features(df):
    out = df.copy()
    for k in LAGS:
        out[f"strain_lag{k}"] = out["strain_ue"].shift(k)
    out["strain_prev24_mean"] = out["strain_ue"].shift(1).rolling(24).mean()
    out["hour"] = out.index.hour
    out["dow"] = out.index.dayofweek
    return out.dropna()


data = add_features(raw)
features = EXOG + [c for c in data.columns if c.startswith("strain_") and c != "strain_ue"]
features += ["hour", "dow"]
X, y = data[features], data["strain_ue"]

model = XGBRegressor(
    n_estimators=600, max_depth=6, learning_rate=0.05,
    subsample=0.8, colsample_bytree=0.8, random_state=0,
)
# forward-chaining folds: always train on the past, with a one-week gap before each validation block
cv = TimeSeriesSplit(n_splits=5, gap=168)
mae = -cross_val_score(model, X, y, cv=cv, scoring="neg_mean_absolute_error")

print(f"{len(data)} hourly rows, {len(features)} features")
print("fold MAE (microstrain):", np.round(mae, 2))
print(f"mean MAE {mae.mean():.2f}; alert band = 4 x MAE = {4 * mae.mean():.1f} microstrain")
