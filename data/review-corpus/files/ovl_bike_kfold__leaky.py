# label: leakage/overlap
# twin: ovl_bike_kfold__fixed.py
# source: adapted from scikit-learn examples/applications/plot_cyclical_feature_engineering.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn.datasets import fetch_openml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import KFold, cross_validate

bike_sharing = fetch_openml("Bike_Sharing_Demand", version=2, as_frame=True)
df = bike_sharing.frame
y = df["count"] / df["count"].max()
X = df.drop("count", axis="columns")
X["weather"] = X["weather"].replace(to_replace="heavy_rain", value="rain").astype("category")

categorical_columns = ["weather", "season", "holiday", "workingday"]
gbrt = HistGradientBoostingRegressor(categorical_features=categorical_columns, random_state=42)

# hourly observations over two years, shuffled into folds
cv = KFold(n_splits=5, shuffle=True, random_state=0)
cv_results = cross_validate(gbrt, X, y, cv=cv, scoring=["neg_mean_absolute_error", "neg_root_mean_squared_error"])
mae = -cv_results["test_neg_mean_absolute_error"]
rmse = -cv_results["test_neg_root_mean_squared_error"]
print(f"Mean Absolute Error:     {mae.mean():.3f} +/- {mae.std():.3f}\nRoot Mean Squared Error: {rmse.mean():.3f} +/- {rmse.std():.3f}")
