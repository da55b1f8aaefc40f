# label: leakage/none
"""Vault B (rare books store): forecast relative humidity a day ahead from the BMS export.

VAR on differenced hourly series: room RH, air temperature, outside dew point and AHU supply RH.
Forecasts are re-issued every 24 h as new readings arrive.
"""
import numpy as np
import pandas as pd
from statsmodels.tsa.api import VAR
from sklearn.metrics import mean_absolute_error

BMS_EXPORT = "data/vault_b_bms_export.csv"
COLUMNS = ["rh_pct", "air_temp_c", "outside_dewpoint_c", "ahu_supply_rh_pct"]
HORIZON = 24
TEST_HOURS = 24 * 28
VAL_HOURS = 24 * 28

raw = pd.read_csv(BMS_EXPORT, parse_dates=["timestamp"], index_col="timestamp").sort_index()
hourly = (
    raw[COLUMNS]
    .resample("1h")
    .mean()
    .interpolate(limit=3)
    .dropna()
)
print(hourly.describe().round(2))

# first differences, the dew point series drifts over the season
diffed = hourly.diff().dropna()

split_at = diffed.index[-TEST_HOURS]
train = diffed[diffed.index < split_at]
test = diffed[diffed.index >= split_at]
level_at_split = hourly[hourly.index < split_at].iloc[-1]


def rolling_forecast(results, history, ahead, level0, horizon=HORIZON):
    """Issue a `horizon`-step forecast, then append the observed block and go again."""
    p = results.k_ar
    hist = history.to_numpy()
    level = level0.to_numpy().copy()
    preds, actual = [], []
    for start in range(0, len(ahead) - horizon + 1, horizon):
        fc = results.forecast(hist[-p:], steps=horizon)
        block = ahead.to_numpy()[start:start + horizon]
        preds.append(level[0] + np.cumsum(fc[:, 0]))
        actual.append(level[0] + np.cumsum(block[:, 0]))
        level = level + block.sum(axis=0)
        hist = np.vstack([hist, block])
    return np.concatenate(preds), np.concatenate(actual)


val_at = train.index[-VAL_HOURS]
fit_part = train[train.index < val_at]
val_part = train[train.index >= val_at]
level_at_val = hourly[hourly.index < val_at].iloc[-1]

model = VAR(fit_part)
print(model.select_order(maxlags=12).summary())

mae_by_order = {}
for p in range(1, 13):
    res = model.fit(p)
    pred, act = rolling_forecast(res, fit_part, val_part, level_at_val)
    mae_by_order[p] = mean_absolute_error(act, pred)
    print(f"p={p:2d}  MAE={mae_by_order[p]:.3f} %RH")

best_p = min(mae_by_order, key=mae_by_order.get)
final = VAR(train).fit(best_p)
pred, act = rolling_forecast(final, train, test, level_at_split)

over_limit = (act > 55.0)
print(f"\nVAR({best_p}) on the last four weeks")
print(f"  MAE            : {mean_absolute_error(act, pred):.3f} %RH")
print(f"  max abs error  : {np.abs(act - pred).max():.2f} %RH")
print(f"  hours > 55 %RH : {over_limit.sum()} observed, {(pred > 55.0).sum()} forecast")
pd.DataFrame({"observed": act, "forecast": pred}).to_csv("vault_b_rh_forecast_eval.csv", index=False)
