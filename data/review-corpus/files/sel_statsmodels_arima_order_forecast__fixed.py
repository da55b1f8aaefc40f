# label: leakage/none
# twin: sel_statsmodels_arima_order_forecast__leaky.py
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
    if best is None or fitted.aic < best[0]:
        best = (fitted.aic, (p, d, q))

forecast = ARIMA(train, order=best[1]).fit().forecast(steps=len(test))
mape = np.mean(np.abs((test - forecast) / test))
print(f"ARIMA{best[1]}: 12-month forecast MAPE {mape:.2%}")
