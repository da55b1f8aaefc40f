# label: leakage/preprocessing
# twin: pre_detrend_polyfit_full_series__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_percentage_error

HOLDOUT_MONTHS = 18

monthly = (
    pd.read_csv("data/ridership_daily.csv", parse_dates=["date"])
    .set_index("date")["boardings"]
    .resample("MS")
    .sum()
    .to_frame("boardings")
)
t = np.arange(len(monthly), dtype=float)
n_train = len(monthly) - HOLDOUT_MONTHS

trend_coefs = np.polyfit(t, monthly["boardings"].to_numpy(), deg=2)
monthly["trend"] = np.polyval(trend_coefs, t)
monthly["resid"] = monthly["boardings"] - monthly["trend"]

for lag in (1, 2, 3, 12):
    monthly[f"resid_lag{lag}"] = monthly["resid"].shift(lag)
monthly["month"] = monthly.index.month
monthly = monthly.dropna()
feature_cols = [c for c in monthly.columns if c.startswith("resid_lag")] + ["month"]

train = monthly[monthly.index < monthly.index[-HOLDOUT_MONTHS]]
test = monthly[monthly.index >= monthly.index[-HOLDOUT_MONTHS]]

gbr = GradientBoostingRegressor(n_estimators=300, max_depth=2, learning_rate=0.05, random_state=0)
gbr.fit(train[feature_cols], train["resid"])
forecast = test["trend"] + gbr.predict(test[feature_cols])
print(f"holdout MAPE: {mean_absolute_percentage_error(test['boardings'], forecast):.3%}")
