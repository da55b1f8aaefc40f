# label: leakage/preprocessing
"""Estimate standing timber volume (m3/ha) of forest inventory plots from airborne LiDAR height metrics."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer
from sklearn.linear_model import BayesianRidge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, GroupKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVR

plots = pd.read_csv("inventory_plots.csv")
metrics = pd.read_parquet("als_plot_metrics.parquet")
stands = pd.read_csv("stand_register.csv")

df = plots.merge(metrics, on="plot_id", how="inner").merge(stands[["stand_id", "forest_type", "site_index"]],
                                                            on="stand_id", how="left")
df = df[df["plot_status"] == "measured"]
df = df.dropna(subset=["volume_m3_ha"])
print(f"{len(df)} plots, {df['stand_id'].nunique()} stands")

# ratio metrics come out as NaN when a plot has too few first returns
lidar_cols = ["h_mean", "h_p25", "h_p50", "h_p75", "h_p95", "h_max", "h_std", "h_cv", "canopy_cover_2m",
              "canopy_cover_10m", "return_density", "first_return_ratio", "intensity_mean", "lai_proxy"]
site_cols = ["site_index", "slope_deg", "elevation_m"]
numeric = lidar_cols + site_cols

df["h_cv"] = df["h_std"] / df["h_mean"].replace(0, np.nan)
df[numeric] = df[numeric].replace([np.inf, -np.inf], np.nan)
print(df[numeric].isna().mean().sort_values(ascending=False).head(5).round(3))

imputer = IterativeImputer(estimator=BayesianRidge(), max_iter=15, random_state=4)
df[numeric] = imputer.fit_transform(df[numeric])

# stands are kept whole on one side of the split
stand_ids = df["stand_id"].unique()
train_stands, test_stands = train_test_split(stand_ids, test_size=0.25, random_state=4)
train = df[df["stand_id"].isin(train_stands)]
test = df[df["stand_id"].isin(test_stands)]

prep = ColumnTransformer([
    ("num", StandardScaler(), numeric),
    ("type", OneHotEncoder(handle_unknown="ignore"), ["forest_type"]),
])
pipe = Pipeline([("prep", prep), ("svr", SVR(kernel="rbf"))])

search = GridSearchCV(pipe, {"svr__C": [10, 50, 200, 800], "svr__gamma": ["scale", 0.02, 0.05],
                             "svr__epsilon": [2.0, 8.0]},
                      cv=GroupKFold(5), scoring="neg_root_mean_squared_error", n_jobs=-1)
search.fit(train[numeric + ["forest_type"]], train["volume_m3_ha"], groups=train["stand_id"])
print("best params:", search.best_params_)

pred = search.predict(test[numeric + ["forest_type"]])
y_test = test["volume_m3_ha"]
rmse = mean_squared_error(y_test, pred) ** 0.5
print(f"test plots RMSE: {rmse:.1f} m3/ha  ({rmse / y_test.mean():.1%} of mean)")
print(f"test plots MAE:  {mean_absolute_error(y_test, pred):.1f} m3/ha")
print(f"test plots R2:   {r2_score(y_test, pred):.3f}")
