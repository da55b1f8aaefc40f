# label: leakage/overlap
# twin: ovl_returns_lags_shuffled__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

prices = pd.read_csv("index_daily.csv", parse_dates=["date"]).set_index("date").sort_index()
prices["ret"] = prices["close"].pct_change()
for k in (1, 2, 5):
    prices[f"ret_lag{k}"] = prices["ret"].shift(k)
prices = prices.dropna()
X, y = prices[["ret_lag1", "ret_lag2", "ret_lag5", "volume"]], prices["ret"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=1)
model = RandomForestRegressor(n_estimators=300, random_state=1).fit(X_train, y_train)
print(f"test MAE {mean_absolute_error(y_test, model.predict(X_test)):.5f}")
