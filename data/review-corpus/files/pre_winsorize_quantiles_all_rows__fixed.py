# label: leakage/none
# twin: pre_winsorize_quantiles_all_rows__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import HuberRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split


def fit_winsor_bounds(df, cols, lower=0.01, upper=0.99):
    return {c: (df[c].quantile(lower), df[c].quantile(upper)) for c in cols}


def winsorize(df, bounds):
    out = df.copy()
    for c, (lo, hi) in bounds.items():
        out[c] = df[c].clip(lo, hi)
    return out


rides = pd.read_parquet("ride_quotes.parquet")
num_cols = ["distance_km", "pickup_wait_min", "surge_multiplier", "driver_rating", "zone_density"]

X_train, X_test, y_train, y_test = train_test_split(rides[num_cols], rides["quoted_fare"], test_size=0.2, random_state=21)
bounds = fit_winsor_bounds(X_train, num_cols)
X_train, X_test = winsorize(X_train, bounds), winsorize(X_test, bounds)
for model in (HuberRegressor(max_iter=500), HistGradientBoostingRegressor(random_state=21)):
    model.fit(X_train, y_train)
    print(type(model).__name__, mean_absolute_error(y_test, model.predict(X_test)))
