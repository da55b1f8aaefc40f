# label: leakage/none
# twin: tgt_make_lags_range_comprehension__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

flu_trends = pd.read_csv("flu-trends.csv", index_col="Week", parse_dates=True)


def make_lags(ts, lags, lead_time=1):
    return pd.concat({f"y_lag_{i}": ts.shift(i) for i in range(lead_time, lags + lead_time)}, axis=1)


# Weekly flu visits forecast from the previous four weeks.
X = make_lags(flu_trends["FluVisits"], lags=4).fillna(0.0)
y = flu_trends["FluVisits"].copy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=60, shuffle=False)
model = LinearRegression()
model.fit(X_train, y_train)
print(mean_absolute_error(y_test, model.predict(X_test)))
