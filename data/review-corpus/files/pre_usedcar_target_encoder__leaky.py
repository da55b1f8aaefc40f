# label: leaky preprocessing
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import category_encoders as ce
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

cars = pd.read_csv("data/used_car_listings.csv")
cars = cars[(cars["price"] > 500) & (cars["price"] < 250_000)].copy()
cars["age_years"] = 2024 - cars["year"]
cars["km_per_year"] = cars["mileage_km"] / cars["age_years"].clip(lower=1)
cars["log_price"] = np.log(cars["price"])

cat_cols = ["make", "model", "trim", "fuel_type", "transmission",
            "body_type", "seller_zip3"]
num_cols = ["age_years", "mileage_km", "km_per_year", "engine_l",
            "previous_owners", "accident_on_record"]

encoder = ce.TargetEncoder(cols=cat_cols, smoothing=20, min_samples_leaf=10)
X = encoder.fit_transform(cars[cat_cols + num_cols], cars["log_price"])
y = cars["log_price"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=31
)

model = XGBRegressor(
    n_estimators=1200, learning_rate=0.03, max_depth=7,
    subsample=0.8, colsample_bytree=0.7, min_child_weight=5,
)
model.fit(X_train, y_train)

pred_price = np.exp(model.predict(X_test))
true_price = np.exp(y_test)
print(f"MAE: {mean_absolute_error(true_price, pred_price):,.0f}")
print(f"median APE: {np.median(np.abs(pred_price - true_price) / true_price):.3%}")
