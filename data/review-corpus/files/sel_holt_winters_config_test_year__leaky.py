# label: leakage/selection
# twin: sel_holt_winters_config_test_year__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import numpy as np
import pandas as pd
from statsmodels.tsa.holtwinters import ExponentialSmoothing

visitors = pd.read_csv("monthly_visitors.csv", index_col="month", parse_dates=True)["visitors"].asfreq("MS")
history, last_year = visitors.iloc[:-12], visitors.iloc[-12:]

results = {}
for trend in ["add", "mul", None]:
    for seasonal in ["add", "mul"]:
        model = ExponentialSmoothing(history, trend=trend, seasonal=seasonal, seasonal_periods=12).fit()
        rmse = np.sqrt(np.mean((last_year.to_numpy() - model.forecast(12).to_numpy()) ** 2))
        results[(trend, seasonal)] = rmse

best = min(results, key=results.get)
print("best configuration:", best, "RMSE on the last year:", results[best])
