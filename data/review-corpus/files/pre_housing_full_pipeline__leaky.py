# label: leakage/preprocessing
# twin: pre_housing_full_pipeline__fixed.py
# source: adapted from ageron/handson-ml2 02_end_to_end_machine_learning_project.ipynb (Apache-2.0, (c) Aurelien Geron)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import GridSearchCV, StratifiedShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

housing = pd.read_csv("datasets/housing/housing.csv")
housing["income_cat"] = pd.cut(
    housing["median_income"], bins=[0.0, 1.5, 3.0, 4.5, 6.0, np.inf], labels=[1, 2, 3, 4, 5]
)
housing["rooms_per_household"] = housing["total_rooms"] / housing["households"]
housing["bedrooms_per_room"] = housing["total_bedrooms"] / housing["total_rooms"]
housing["population_per_household"] = housing["population"] / housing["households"]

num_attribs = [
    "longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms", "population",
    "households", "median_income", "rooms_per_household", "bedrooms_per_room", "population_per_household",
]
cat_attribs = ["ocean_proximity"]
num_pipeline = Pipeline([("imputer", SimpleImputer(strategy="median")), ("std_scaler", StandardScaler())])
full_pipeline = ColumnTransformer([
    ("num", num_pipeline, num_attribs),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_attribs),
])

housing_prepared = full_pipeline.fit_transform(housing)
housing_labels = housing["median_house_value"].to_numpy()

split = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
train_index, test_index = next(split.split(housing, housing["income_cat"]))
X_train, X_test = housing_prepared[train_index], housing_prepared[test_index]
y_train, y_test = housing_labels[train_index], housing_labels[test_index]

param_grid = [
    {"n_estimators": [3, 10, 30], "max_features": [2, 4, 6, 8]},
    {"bootstrap": [False], "n_estimators": [3, 10], "max_features": [2, 3, 4]},
]
grid_search = GridSearchCV(RandomForestRegressor(random_state=42), param_grid, cv=5, scoring="neg_mean_squared_error")
grid_search.fit(X_train, y_train)

final_model = grid_search.best_estimator_
final_predictions = final_model.predict(X_test)
print("final RMSE", np.sqrt(mean_squared_error(y_test, final_predictions)))
