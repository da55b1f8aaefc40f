# label: leakage/selection
# twin: sel_prophet_changepoint_holdout_tuning__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import itertools

import pandas as pd
from prophet import Prophet
from sklearn.metrics import mean_absolute_error

df = pd.read_csv("daily_visits.csv", parse_dates=["ds"]).sort_values("ds")
cutoff = df["ds"].max() - pd.Timedelta(days=90)
history, holdout = df[df["ds"] <= cutoff], df[df["ds"] > cutoff]

grid = {"changepoint_prior_scale": [0.001, 0.01, 0.1, 0.5], "seasonality_prior_scale": [0.01, 0.1, 1.0, 10.0]}
best = None
for cps, sps in itertools.product(*grid.values()):
    m = Prophet(changepoint_prior_scale=cps, seasonality_prior_scale=sps).fit(history)
    forecast = m.predict(holdout[["ds"]])
    mae = mean_absolute_error(holdout["y"], forecast["yhat"])
    if best is None or mae < best[0]:
        best = (mae, cps, sps)

print(f"best cps={best[1]} sps={best[2]}; MAE on the last 90 days: {best[0]:.1f}")
