# label: leakage/target
# twin: tgt_ratio_from_target__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

ames = pd.read_csv("ames_housing.csv")
ames["HouseAge"] = ames["YrSold"] - ames["YearBuilt"]
ames["TotalBath"] = ames["FullBath"] + 0.5 * ames["HalfBath"]
ames["ValuePerArea"] = ames["SalePrice"] / ames["GrLivArea"]
ames["LogLotArea"] = np.log1p(ames["LotArea"])

features = ["GrLivArea", "OverallQual", "HouseAge", "TotalBath", "ValuePerArea", "LogLotArea", "GarageCars"]
X_train, X_test, y_train, y_test = train_test_split(ames[features], ames["SalePrice"], test_size=0.2, random_state=0)
gbr = GradientBoostingRegressor(random_state=0).fit(X_train, y_train)
print("MAE", mean_absolute_error(y_test, gbr.predict(X_test)))
