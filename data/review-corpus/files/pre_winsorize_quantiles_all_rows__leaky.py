# label: leakage/preprocessing
# twin: pre_winsorize_quantiles_all_rows__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import HuberRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split


def winsorize(df, cols, lower=0.01, upper=0.99):
    out = df.copy()
    for c in cols:
        lo, hi = df[c].quantile(lower), df[c].quantile(upper)
        out[c] = df[c].clip(lo, hi)
    return out


rides = pd.read_parquet("ride_quotes.parquet")
num_cols = ["distance_km", "pickup_wait_min", "surge_multiplier", "driver_rating", "zone_density"]
rides = winsorize(rides, num_cols)

X_train, X_test, y_train, y_test = train_test_split(rides[num_cols], rides["quoted_fare"], test_size=0.2, random_state=21)
for model in (HuberRegressor(max_iter=500), HistGradientBoostingRegressor(random_state=21)):
    model.fit(X_train, y_train)
    print(type(model).__name__, mean_absolute_error(y_test, model.predict(X_test)))
