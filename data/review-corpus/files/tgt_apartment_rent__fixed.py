# label: leakage/none
# twin: tgt_apartment_rent__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

flats = pd.read_csv("data/apartment_listings.csv")
flats = flats[flats["living_space"].between(10, 400)].copy()
flats["rent_per_m2"] = flats["rent"] / flats["living_space"]
print(flats.groupby("district")["rent_per_m2"].median().sort_values().tail(10))

flats["building_age"] = 2024 - flats["year_built"]
flats["has_balcony"] = flats["balcony"].astype(int)
X = flats.select_dtypes("number").drop(columns=["rent", "rent_per_m2"])
y = np.log1p(flats["rent"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)
reg = xgb.XGBRegressor(n_estimators=800, max_depth=6, learning_rate=0.03, subsample=0.8,
                       colsample_bytree=0.7, reg_lambda=1.0)
reg.fit(X_train, y_train)

pred = np.expm1(reg.predict(X_test))
actual = np.expm1(y_test)
print(f"MAE {mean_absolute_error(actual, pred):.0f} EUR, MAPE {mean_absolute_percentage_error(actual, pred):.1%}")
