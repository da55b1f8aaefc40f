# label: leakage/none
# twin: pre_minmax_before_date_cutoff__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import PoissonRegressor
from sklearn.metrics import mean_poisson_deviance
from sklearn.preprocessing import MinMaxScaler

rentals = pd.read_csv("bike_rentals_daily.csv", parse_dates=["day"])
weather = ["temp", "humidity", "windspeed"]

cutoff = pd.Timestamp("2012-07-01")
train = rentals[rentals["day"] < cutoff].copy()
test = rentals[rentals["day"] >= cutoff].copy()
scaler = MinMaxScaler().fit(train[weather])
train[weather] = scaler.transform(train[weather])
test[weather] = scaler.transform(test[weather])
glm = PoissonRegressor(alpha=1e-3).fit(train[weather], train["count"])
print("test deviance:", mean_poisson_deviance(test["count"], glm.predict(test[weather])))
