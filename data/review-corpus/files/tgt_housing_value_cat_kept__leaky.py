# label: leakage/target
# twin: tgt_housing_value_cat_kept__fixed.py
# source: adapted from ageron/handson-ml2 02_end_to_end_machine_learning_project.ipynb (Apache-2.0, (c) Aurelien Geron)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import StratifiedShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

housing = pd.read_csv("datasets/housing/housing.csv")
# stratify on the house value so that both sets cover cheap and expensive districts
housing["value_cat"] = pd.cut(
    housing["median_house_value"], bins=[0, 100000, 200000, 300000, 400000, np.inf], labels=[1, 2, 3, 4, 5]
).astype(int)

split = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
for train_index, test_index in split.split(housing, housing["value_cat"]):
    strat_train_set = housing.loc[train_index]
    strat_test_set = housing.loc[test_index]

housing_train = strat_train_set.drop("median_house_value", axis=1)
housing_labels = strat_train_set["median_house_value"].copy()
housing_num = housing_train.drop("ocean_proximity", axis=1)
num_attribs = list(housing_num)
cat_attribs = ["ocean_proximity"]

num_pipeline = Pipeline([("imputer", SimpleImputer(strategy="median")), ("std_scaler", StandardScaler())])
full_pipeline = ColumnTransformer([
    ("num", num_pipeline, num_attribs),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_attribs),
])
model = Pipeline([("prep", full_pipeline), ("forest", RandomForestRegressor(n_estimators=100, random_state=42))])
model.fit(housing_train, housing_labels)

X_test = strat_test_set.drop("median_house_value", axis=1)
y_test = strat_test_set["median_house_value"].copy()
final_predictions = model.predict(X_test)
print("final RMSE", np.sqrt(mean_squared_error(y_test, final_predictions)))
