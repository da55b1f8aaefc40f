# label: leakage/none
"""Predict end-of-season stiffness loss of sailing-club dinghy sails from usage and exposure logs."""
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import RobustScaler
from sklearn.svm import SVR

sails = pd.read_csv("club_sail_inventory.csv")
logs = pd.read_csv("outing_log_2023.csv", parse_dates=["launched_at"])
lab = pd.read_csv("flex_tests_oct_2023.csv")[["sail_id", "stiffness_loss_pct"]]

logs = logs[logs["hours"].between(0.1, 12)]
usage = logs.groupby("sail_id").agg(
    hours_on_water=("hours", "sum"),
    outings=("hours", "size"),
    max_wind_kn=("max_wind_kn", "max"),
    mean_wind_kn=("mean_wind_kn", "mean"),
    capsizes=("capsized", "sum"),
    uv_hours=("uv_index_hours", "sum"),
    flogging_min=("flogging_min", "sum"),
).reset_index()

df = sails.merge(usage, on="sail_id", how="inner").merge(lab, on="sail_id", how="inner")
df["hours_per_outing"] = df["hours_on_water"] / df["outings"]
df["stored_rolled"] = (df["storage"] == "rolled").astype(int)
df["laminate"] = (df["cloth_type"] == "laminate").astype(int)

FEATURES = ["cloth_weight_gsm", "sail_area_m2", "age_seasons", "hours_on_water", "outings",
            "max_wind_kn", "mean_wind_kn", "capsizes", "uv_hours", "flogging_min",
            "hours_per_outing", "stored_rolled", "laminate"]
df = df.dropna(subset=FEATURES + ["stiffness_loss_pct"])
X = df[FEATURES].to_numpy(dtype=float)
y = df["stiffness_loss_pct"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=21)

model = Pipeline([
    ("scale", RobustScaler()),
    ("pca", PCA(n_components=7, random_state=0)),
    ("svr", SVR(kernel="rbf")),
])
grid = {
    "svr__C": [1, 3, 10, 30, 100],
    "svr__epsilon": [0.1, 0.3, 1.0],
    "svr__gamma": ["scale", 0.05, 0.2],
}
search = GridSearchCV(model, grid, cv=5, scoring="neg_mean_absolute_error", n_jobs=-1)
search.fit(X_train, y_train)
pred = search.predict(X_test)

print(f"sails: train {len(y_train)}, test {len(y_test)}")
print("best params:", search.best_params_)
print(f"CV MAE: {-search.best_score_:.2f} pct points")
print(f"test MAE: {mean_absolute_error(y_test, pred):.2f} pct points, R2 {r2_score(y_test, pred):.3f}")
