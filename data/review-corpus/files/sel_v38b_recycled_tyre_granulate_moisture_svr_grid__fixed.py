# label: leakage/none
# Residual moisture of recycled tyre granulate leaving the dryer, predicted from
# line sensors so the QC lab can drop from hourly to shift-level oven tests.
import itertools

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

samples = pd.read_parquet("lab/granulate_moisture_samples.parquet")
samples = samples.dropna(subset=["moisture_pct"])
samples = samples.sort_values("sampled_at").reset_index(drop=True)

samples["dryer_delta_c"] = samples["dryer_outlet_c"] - samples["dryer_inlet_c"]
samples["throughput_per_rpm"] = samples["throughput_kg_h"] / samples["screw_rpm"]
samples["fines_ratio"] = samples["fines_pct"] / (100 - samples["fines_pct"])

feature_cols = [
    "dryer_inlet_c",
    "dryer_outlet_c",
    "dryer_delta_c",
    "ambient_rh_pct",
    "throughput_kg_h",
    "screw_rpm",
    "throughput_per_rpm",
    "mesh_size_mm",
    "fines_pct",
    "fines_ratio",
    "wash_water_l_per_t",
    "nir_absorbance_1450",
    "nir_absorbance_1940",
]
X = samples[feature_cols].to_numpy()
y = samples["moisture_pct"].to_numpy()

# last quarter of the sampling period is held out
cut = int(len(samples) * 0.75)
X_train, X_test = X[:cut], X[cut:]
y_train, y_test = y[:cut], y[cut:]

grid = {
    "C": [0.3, 1.0, 3.0, 10.0, 30.0],
    "epsilon": [0.01, 0.05, 0.1],
    "gamma": ["scale", 0.01, 0.05, 0.2],
}

results = []
for C, eps, gamma in itertools.product(grid["C"], grid["epsilon"], grid["gamma"]):
    model = make_pipeline(StandardScaler(), SVR(C=C, epsilon=eps, gamma=gamma))
    score = -cross_val_score(
        model, X_train, y_train, cv=TimeSeriesSplit(n_splits=5),
        scoring="neg_mean_absolute_error",
    ).mean()
    results.append({"C": C, "epsilon": eps, "gamma": gamma, "mae": score})

results = pd.DataFrame(results).sort_values("mae")
print(results.head(10).to_string(index=False))
best = results.iloc[0]
print(f"chosen: C={best['C']}, epsilon={best['epsilon']}, gamma={best['gamma']}")

final = make_pipeline(
    StandardScaler(),
    SVR(C=best["C"], epsilon=best["epsilon"], gamma=best["gamma"]),
)
final.fit(X_train, y_train)
pred = final.predict(X_test)

print(f"test MAE : {mean_absolute_error(y_test, pred):.3f} % moisture")
print(f"test R^2 : {r2_score(y_test, pred):.3f}")
within_spec = np.mean(np.abs(pred - y_test) <= 0.15)
print(f"share of samples within +/-0.15 % of lab value: {within_spec:.1%}")
