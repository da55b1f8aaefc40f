# label: leakage/none
# twin: sel_r13b_museum_arima_order__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Museum visitor counts: 8-week-ahead forecast of daily admissions.

A small (p, d, q) grid is searched for a weekly-seasonal ARIMA and the chosen
order's forecast error over the final 8 weeks is reported.
"""
import itertools
import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from statsmodels.tsa.arima.model import ARIMA

warnings.filterwarnings("ignore")

HORIZON = 56
SEASONAL = (1, 0, 1, 7)
ORDERS = list(itertools.product(range(0, 3), range(0, 2), range(0, 3)))

visits = (
    pd.read_csv("data/museum_daily_visits.csv", parse_dates=["date"])
    .set_index("date")["visitors"]
    .asfreq("D")
)
visits = np.log1p(visits.fillna(0.0))  # closed days are recorded as missing
train, test = visits.iloc[:-HORIZON], visits.iloc[-HORIZON:]
# the order is chosen on the last 8 weeks of the training period
fit_part, val_part = train.iloc[:-HORIZON], train.iloc[-HORIZON:]


def horizon_mae(history, future, order):
    fitted = ARIMA(history, order=order, seasonal_order=SEASONAL).fit()
    forecast = fitted.forecast(steps=len(future))
    return mean_absolute_error(np.expm1(future), np.expm1(forecast)), forecast


scores = {}
for order in ORDERS:
    try:
        scores[order], _ = horizon_mae(fit_part, val_part, order)
    except (ValueError, np.linalg.LinAlgError):
        continue

best_order = min(scores, key=scores.get)
test_mae, test_forecast = horizon_mae(train, test, best_order)
test_mape = mean_absolute_percentage_error(np.expm1(test) + 1, np.expm1(test_forecast) + 1)
print(f"orders tried: {len(scores)}; chosen order: {best_order}")
print(f"8-week MAE: {test_mae:.1f} visitors/day  (MAPE {test_mape:.1%})")
