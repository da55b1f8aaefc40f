# label: leakage/target
# twin: tgt_county_home_sales__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.metrics import mean_absolute_error

sales = pd.read_csv("assessor/county_residential_sales_2022.csv")
sales = sales[(sales["sale_price"] > 20_000) & (sales["living_area_sqft"] > 300)]


def add_features(df):
    df = df.copy()
    df["age_at_sale"] = 2022 - df["year_built"]
    df["total_baths"] = df["full_baths"] + 0.5 * df["half_baths"]
    df["lot_to_living"] = df["lot_sqft"] / df["living_area_sqft"]
    df["price_per_sqft"] = df["sale_price"] / df["living_area_sqft"]
    df["has_garage"] = (df["garage_spaces"] > 0).astype(int)
    return df


sales = add_features(sales)
numeric = ["living_area_sqft", "lot_sqft", "bedrooms", "total_baths", "age_at_sale",
           "lot_to_living", "price_per_sqft", "has_garage", "condition_score"]
categorical = ["neighborhood", "property_type", "school_district"]

X = sales[numeric + categorical]
y = np.log(sales["sale_price"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=2)

model = Pipeline([
    ("prep", ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=10), categorical)],
        remainder="passthrough",
    )),
    ("gbr", GradientBoostingRegressor(
        n_estimators=800, learning_rate=0.05, max_depth=4, subsample=0.8, random_state=2
    )),
])
model.fit(X_train, y_train)
pred = model.predict(X_test)
print(f"MAE (log price): {mean_absolute_error(y_test, pred):.4f}")
print(f"median abs % error: {np.median(np.abs(np.exp(pred - y_test) - 1)):.2%}")
