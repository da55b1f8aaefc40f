# label: leakage/target
# twin: tgt_v17a_snow_plow_route_minutes__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Estimate how long a municipal snow-plough run will take on a given route during a storm.

One row per completed route run; dispatch wants the estimate when the truck leaves the depot.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

tf.random.set_seed(42)

runs = pd.read_csv("data/plough_runs_2016_2024.csv", parse_dates=["dispatch_time"])
runs = runs.dropna(subset=["duration_min", "route_km"])
runs = runs[(runs["duration_min"] > 5) & (runs["duration_min"] < 600)]
runs = runs.sort_values("dispatch_time").reset_index(drop=True)

runs["hour"] = runs["dispatch_time"].dt.hour
runs["night"] = runs["hour"].isin(list(range(0, 6)) + [22, 23]).astype("float32")
runs["weekend"] = (runs["dispatch_time"].dt.dayofweek >= 5).astype("float32")
runs["snow_cm_fcst"] = runs["snow_cm_fcst"].fillna(0.0)
runs["mean_speed_kmh"] = runs["route_km"] / (runs["duration_min"] / 60.0)
TRUCK_CLASSES = ["tandem", "single_axle", "tri_axle", "grader", "pickup"]
for t in TRUCK_CLASSES:
    runs[f"truck_{t}"] = (runs["truck_class"] == t).astype("float32")

FEATURES = ["route_km", "lane_km", "n_intersections", "n_hills", "snow_cm_fcst",
            "temp_c_dispatch", "wind_ms_dispatch", "hours_since_snow_start", "salt_load_t", "night",
            "weekend", "mean_speed_kmh"] + [f"truck_{t}" for t in TRUCK_CLASSES]

X = runs[FEATURES].astype("float32").to_numpy()
y = runs["duration_min"].astype("float32").to_numpy()

n_train = int(0.8 * len(runs))
X_train, X_test = X[:n_train], X[n_train:]
y_train, y_test = y[:n_train], y[n_train:]
print(f"train {len(X_train)} runs up to {runs['dispatch_time'].iloc[n_train - 1]:%Y-%m-%d}, "
      f"test {len(X_test)} runs")

norm = keras.layers.Normalization()
norm.adapt(X_train)

model = keras.Sequential([
    keras.Input(shape=(X.shape[1],)),
    norm,
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.1),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])

stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=15, restore_best_weights=True)
history = model.fit(X_train, y_train, validation_split=0.15, epochs=300,
                    batch_size=64, callbacks=[stop], verbose=0)
print(f"stopped after {len(history.history['loss'])} epochs")

pred = model.predict(X_test, verbose=0).ravel()
mae = np.mean(np.abs(pred - y_test))
mape = np.mean(np.abs(pred - y_test) / y_test)
print(f"test MAE  {mae:.1f} min")
print(f"test MAPE {mape:.1%}")
print(f"runs within 20 min: {np.mean(np.abs(pred - y_test) <= 20):.1%}")
