# label: leakage/none
"""Predict firing shrinkage (%) of brick batches from clay composition and kiln schedule with a robust linear model."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import HuberRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, ParameterGrid, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["silica_pct", "alumina_pct", "iron_oxide_pct", "lime_pct", "moisture_pct",
           "grog_pct", "peak_temp_c", "soak_hours", "ramp_c_per_h", "green_density"]
CATEGORICAL = ["clay_pit", "kiln_id", "press_type"]


def load_batches(path):
    df = pd.read_parquet(path)
    df = df[df["shrinkage_pct"].between(0, 25)]
    df["flux_ratio"] = (df["iron_oxide_pct"] + df["lime_pct"]) / df["alumina_pct"].clip(lower=0.1)
    df["heatwork"] = df["peak_temp_c"] * np.log1p(df["soak_hours"])
    return df.dropna(subset=NUMERIC + CATEGORICAL)


def build_pipeline(epsilon, alpha):
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC + ["flux_ratio", "heatwork"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    return Pipeline([("prep", prep),
                     ("huber", HuberRegressor(epsilon=epsilon, alpha=alpha, max_iter=2000))])


batches = load_batches("brickworks_firing_batches.parquet")
print(f"{len(batches)} batches from {batches['kiln_id'].nunique()} kilns")

X = batches[NUMERIC + CATEGORICAL + ["flux_ratio", "heatwork"]]
y = batches["shrinkage_pct"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)

grid = ParameterGrid({"epsilon": [1.1, 1.35, 1.6, 2.0, 2.5], "alpha": [1e-4, 1e-3, 1e-2, 1e-1]})
cv = KFold(n_splits=5, shuffle=True, random_state=11)
scores = []
for params in grid:
    pipe = build_pipeline(**params)
    mae = -cross_val_score(pipe, X_train, y_train, cv=cv, scoring="neg_mean_absolute_error").mean()
    scores.append((mae, params))
    print(f"epsilon={params['epsilon']:<5} alpha={params['alpha']:<7} CV MAE={mae:.3f}")

best_mae, best_params = min(scores, key=lambda t: t[0])
print("selected:", best_params)

final = build_pipeline(**best_params).fit(X_train, y_train)
pred = final.predict(X_test)
print(f"Test MAE: {mean_absolute_error(y_test, pred):.3f} pct-points")
print(f"Test R2:  {r2_score(y_test, pred):.3f}")
outliers = np.sum(final.named_steps["huber"].outliers_)
print(f"{outliers} training batches treated as outliers")
