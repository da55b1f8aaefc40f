# label: leakage/none
"""Staffing model for the billing helpline: total inbound calls over the next
7 days, produced every evening from the telephony daily counts."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error

HORIZON = 7

daily = (pd.read_csv("telephony/acd_daily_counts.csv", parse_dates=["call_date"])
           .query("queue == 'billing'")
           .set_index("call_date")
           .asfreq("D"))
daily["offered"] = daily["offered"].fillna(0)

bills = pd.read_csv("billing/bill_run_calendar.csv", parse_dates=["run_date"])
bill_days = pd.Series(1, index=bills["run_date"]).reindex(daily.index, fill_value=0)

feat = pd.DataFrame(index=daily.index)
for lag in (1, 2, 3, 7, 14, 21, 28):
    feat[f"lag_{lag}"] = daily["offered"].shift(lag)
feat["mean_7"] = daily["offered"].rolling(7).mean()
feat["mean_28"] = daily["offered"].rolling(28).mean()
feat["std_28"] = daily["offered"].rolling(28).std()
feat["abandon_rate_7"] = (daily["abandoned"].rolling(7).sum()
                          / daily["offered"].rolling(7).sum().replace(0, np.nan))
feat["dow"] = daily.index.dayofweek
feat["month"] = daily.index.month
# calls spike in the days after a bill run goes out
feat["bill_runs_last_7"] = bill_days.rolling(7, min_periods=1).sum()
last_bill = pd.Series(daily.index.where(bill_days.to_numpy() == 1), index=daily.index).ffill()
feat["days_since_bill"] = (daily.index.to_series() - last_bill).dt.days

# target: calls offered on days t+1 .. t+7
target = daily["offered"][::-1].rolling(HORIZON).sum()[::-1].shift(-1)
data = feat.assign(y=target).dropna()

cutoff = pd.Timestamp("2024-04-01")
train = data[data.index < cutoff - pd.Timedelta(days=HORIZON)]
test = data[data.index >= cutoff]
X_cols = [c for c in data.columns if c != "y"]

model = lgb.LGBMRegressor(
    objective="poisson",
    n_estimators=700,
    learning_rate=0.03,
    num_leaves=15,
    min_child_samples=20,
    feature_fraction=0.8,
    verbose=-1,
)
model.fit(train[X_cols], train["y"])
pred = pd.Series(model.predict(test[X_cols]), index=test.index)

mape = mean_absolute_percentage_error(test["y"], pred)
naive = mean_absolute_percentage_error(test["y"], test["mean_28"] * HORIZON)
print(f"test from {test.index.min().date()} to {test.index.max().date()}, {len(test)} forecast origins")
print(f"MAPE model: {mape:.2%}   MAPE 28-day-mean x7: {naive:.2%}")

pd.DataFrame({"actual": test["y"], "forecast": pred}).to_csv("out/billing_next7_backtest.csv")
