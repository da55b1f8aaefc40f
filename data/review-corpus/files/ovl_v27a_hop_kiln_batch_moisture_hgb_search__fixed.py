# label: leakage/none
"""Predict end-of-drying moisture of hop kiln batches to plan kiln turnaround."""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, RandomizedSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

batches = pd.read_csv("kiln_batches_2019_2023.csv", parse_dates=["loaded_at"])
varieties = pd.read_csv("hop_varieties.csv")

batches = batches.merge(varieties[["variety", "cone_size", "lupulin_class"]], on="variety", how="left")
batches = batches.dropna(subset=["moisture_out_pct", "green_moisture_pct"])
batches = batches[batches["load_depth_cm"].between(20, 110)].copy()
batches["load_hour"] = batches["loaded_at"].dt.hour
batches["harvest_week"] = batches["loaded_at"].dt.isocalendar().week.astype(int)
batches["water_to_remove_kg"] = (
    batches["green_weight_kg"] * (batches["green_moisture_pct"] - 10.0) / 100.0
)
batches["air_on_delta_c"] = batches["air_on_temp_c"] - batches["ambient_temp_c"]

CATEGORICAL = ["variety", "cone_size", "lupulin_class", "kiln_floor"]
NUMERIC = [
    "green_moisture_pct", "green_weight_kg", "load_depth_cm", "air_on_temp_c",
    "air_on_delta_c", "fan_speed_pct", "ambient_rh_pct", "planned_hours",
    "water_to_remove_kg", "load_hour", "harvest_week",
]
X = batches[CATEGORICAL + NUMERIC]
y = batches["moisture_out_pct"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=8)

prep = ColumnTransformer(
    [("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL)],
    remainder="passthrough",
)
pipe = Pipeline([("prep", prep), ("hgb", HistGradientBoostingRegressor(random_state=8))])
param_dist = {
    "hgb__learning_rate": [0.03, 0.05, 0.1],
    "hgb__max_leaf_nodes": [15, 31, 63],
    "hgb__min_samples_leaf": [10, 20, 40],
    "hgb__l2_regularization": [0.0, 0.1, 1.0],
    "hgb__max_iter": [200, 400, 800],
}
search = RandomizedSearchCV(
    pipe, param_dist, n_iter=25, cv=KFold(5, shuffle=True, random_state=8),
    scoring="neg_mean_absolute_error", random_state=8, n_jobs=-1,
)
search.fit(X_train, y_train)
print("CV MAE:", round(-search.best_score_, 3), search.best_params_)

# model refit on the training batches by the search
final_model = search.best_estimator_

pred = final_model.predict(X_test)
print(f"Holdout MAE: {mean_absolute_error(y_test, pred):.3f} pct points")
print(f"Holdout R2:  {r2_score(y_test, pred):.3f}")
over_dry = np.mean((pred < 9.0) & (y_test.to_numpy() >= 9.0))
print(f"Share of batches predicted too dry: {over_dry:.3%}")

joblib.dump(final_model, "kiln_moisture_hgb.joblib")
