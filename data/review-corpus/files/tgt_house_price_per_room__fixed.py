# label: leakage/none
# twin: tgt_house_price_per_room__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import train_test_split


def engineer(df):
    return df.assign(
        age=lambda d: 2024 - d["year_built"],
        rooms_per_floor=lambda d: d["rooms"] / d["floors"].clip(lower=1),
        log_lot=lambda d: np.log1p(d["lot_sqm"]),
    )


houses = pd.read_csv("municipal_sales.csv").pipe(engineer)
feature_cols = ["age", "rooms", "rooms_per_floor", "log_lot", "dist_center_km"]

X_train, X_test, y_train, y_test = train_test_split(
    houses[feature_cols], np.log(houses["sale_price"]), test_size=0.2, random_state=4
)
rf = RandomForestRegressor(n_estimators=500, max_features=0.5, min_samples_leaf=3, random_state=4, n_jobs=-1)
rf.fit(X_train, y_train)
pred = rf.predict(X_test)
print("R2  ", r2_score(y_test, pred))
print("RMSE", mean_squared_error(y_test, pred) ** 0.5)
