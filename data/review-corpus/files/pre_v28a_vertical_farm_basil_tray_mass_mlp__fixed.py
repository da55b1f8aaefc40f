# label: leakage/none
# Vertical farm, Genovese basil: predict fresh mass per tray at harvest from the
# climate/nutrient recipe logged for the grow cycle. Arrays exported from the farm MES.
import json

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

X = np.load("exports/basil/cycle_features.npy")        # (n_trays, n_features)
y = np.load("exports/basil/harvest_mass_g.npy")        # (n_trays,)
with open("exports/basil/feature_names.json") as fh:
    feature_names = json.load(fh)

print(X.shape, y.shape)
print("features:", ", ".join(feature_names))

# drop trays with sensor dropouts or a failed pump during the cycle
ok = np.isfinite(X).all(axis=1) & np.isfinite(y) & (y > 0)
X, y = X[ok], y[ok]

X_train_raw, X_test_raw, y_train_g, y_test_g = train_test_split(
    X, y, test_size=0.2, random_state=42
)

# put inputs and target on a comparable scale for the network
x_scaler = StandardScaler()
X_train = x_scaler.fit_transform(X_train_raw)
X_test = x_scaler.transform(X_test_raw)
y_scaler = StandardScaler()
y_train = y_scaler.fit_transform(y_train_g.reshape(-1, 1)).ravel()

mlp = MLPRegressor(
    hidden_layer_sizes=(64, 32),
    activation="relu",
    alpha=1e-3,
    learning_rate_init=1e-3,
    batch_size=64,
    max_iter=2000,
    early_stopping=True,
    validation_fraction=0.15,
    n_iter_no_change=40,
    random_state=42,
)
mlp.fit(X_train, y_train)
print(f"stopped after {mlp.n_iter_} epochs")

pred_g = y_scaler.inverse_transform(mlp.predict(X_test).reshape(-1, 1)).ravel()
true_g = y_test_g

print(f"MAE:  {mean_absolute_error(true_g, pred_g):.1f} g/tray")
print(f"MAPE: {100 * mean_absolute_percentage_error(true_g, pred_g):.1f}%")
print(f"R2:   {r2_score(true_g, pred_g):.3f}")

# quick look at which recipe inputs matter: error increase when a column is shuffled
rng = np.random.default_rng(0)
base = mean_absolute_error(true_g, pred_g)
for j, name in enumerate(feature_names):
    Xp = X_test.copy()
    Xp[:, j] = rng.permutation(Xp[:, j])
    pj = y_scaler.inverse_transform(mlp.predict(Xp).reshape(-1, 1)).ravel()
    print(f"{name:<22} +{mean_absolute_error(true_g, pj) - base:6.1f} g")
