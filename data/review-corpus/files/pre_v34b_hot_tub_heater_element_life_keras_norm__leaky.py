# label: leakage/preprocessing
"""Heater element service life for the hot tub hire fleet.

Each row is one heater element that has reached end of life (replaced by the
service team), with the tub's water chemistry and usage averaged over the
12 months before the element was fitted. Target: months in service. Used for
planning spare-part stock per depot.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

tf.random.set_seed(4)
rng = np.random.default_rng(4)

NUMERIC = [
    "water_hardness_ppm", "mean_ph", "mean_setpoint_c", "heating_hours_per_day",
    "fills_per_month", "hires_per_month", "supply_voltage_v", "element_kw",
    "tub_volume_l", "outdoor_temp_mean_c",
]


def load_elements(path):
    df = pd.read_csv(path, parse_dates=["fitted_on", "replaced_on"])
    df = df[df["replacement_reason"] == "element_failure"].copy()
    # one element per tub: the most recent replacement
    df = df.sort_values("replaced_on").drop_duplicates("tub_id", keep="last")
    df["months_in_service"] = (df["replaced_on"] - df["fitted_on"]).dt.days / 30.44
    df["is_bromine"] = (df["sanitiser"] == "bromine").astype("float32")
    df["is_inflatable"] = (df["tub_type"] == "inflatable").astype("float32")
    df["scale_load"] = df["water_hardness_ppm"] * df["heating_hours_per_day"] / 1000.0
    return df.dropna(subset=NUMERIC)


def build_model(norm, n_features):
    inputs = keras.Input(shape=(n_features,))
    x = norm(inputs)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.15)(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


df = load_elements("heater_elements_2019_2024.csv")
feature_cols = NUMERIC + ["is_bromine", "is_inflatable", "scale_load"]
X = df[feature_cols].to_numpy(dtype="float32")
y = df["months_in_service"].to_numpy(dtype="float32")

order = rng.permutation(len(X))
n_test = int(0.2 * len(X))
test_idx, train_idx = order[:n_test], order[n_test:]

norm = layers.Normalization(axis=-1)
norm.adapt(X)

X_train, y_train = X[train_idx], y[train_idx]
X_test, y_test = X[test_idx], y[test_idx]

model = build_model(norm, X.shape[1])
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=20, restore_best_weights=True)
history = model.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=400,
    batch_size=32,
    callbacks=[stop],
    verbose=0,
)
print(f"stopped after {len(history.history['loss'])} epochs")

pred = model.predict(X_test, verbose=0).ravel()
mae = np.mean(np.abs(pred - y_test))
baseline = np.mean(np.abs(np.median(y_train) - y_test))
print(f"test MAE: {mae:.2f} months (median baseline {baseline:.2f})")

within_3 = np.mean(np.abs(pred - y_test) <= 3)
print(f"share of elements predicted within 3 months: {within_3:.1%}")
model.save("heater_life_mlp.keras")
