# label: leakage/none
# twin: ovl_sk_bike_lagged_shuffled_split__leaky.py
# source: adapted from scikit-learn examples/applications/plot_time_series_lagged_features.py (BSD-3-Clause, (c) the scikit-learn developers)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

bike = pd.read_csv("bike_sharing_hourly.csv", parse_dates=["datetime"]).sort_values("datetime")
count = bike["count"]
features = pd.DataFrame({
    "lagged_count_1h": count.shift(1),
    "lagged_count_2h": count.shift(2),
    "lagged_count_1d": count.shift(24),
    "lagged_count_7d": count.shift(7 * 24),
    "lagged_mean_24h": count.shift(1).rolling(24).mean(),
    "lagged_max_24h": count.shift(1).rolling(24).max(),
    "hour": bike["datetime"].dt.hour,
    "weekday": bike["datetime"].dt.weekday,
    "temp": bike["temp"],
})
data = pd.concat([features, count.rename("count")], axis=1).dropna()
X, y = data.drop(columns="count"), data["count"]

n_test = int(len(X) * 0.2)
X_train, X_test = X.iloc[:-n_test], X.iloc[-n_test:]
y_train, y_test = y.iloc[:-n_test], y.iloc[-n_test:]
model = HistGradientBoostingRegressor(loss="poisson", random_state=0).fit(X_train, y_train)
print("MAE:", mean_absolute_error(y_test, model.predict(X_test)))
