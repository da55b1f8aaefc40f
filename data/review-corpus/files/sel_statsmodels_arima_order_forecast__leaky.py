# label: leakage/selection
# twin: sel_statsmodels_arima_order_forecast__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import itertools
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.arima.model import ARIMA

warnings.filterwarnings("ignore")
sales = pd.read_csv("monthly_sales.csv", index_col="month", parse_dates=True)["units"].asfreq("MS")
train, test = sales[:-12], sales[-12:]

best = None
for p, d, q in itertools.product(range(4), range(2), range(4)):
    fitted = ARIMA(train, order=(p, d, q)).fit()
    forecast = fitted.forecast(steps=len(test))
    mape = np.mean(np.abs((test - forecast) / test))
    if best is None or mape < best[0]:
        best = (mape, (p, d, q))

print(f"ARIMA{best[1]}: 12-month forecast MAPE {best[0]:.2%}")
