# label: leakage/none
# Final moisture of cassava grits after a solar-dryer run, so the cooperative
# can tell whether a batch will make the 12% limit for flour milling.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

DRYER_TYPES = ["cabinet", "tunnel", "greenhouse", "rack_open"]
NUMERIC = [
    "fresh_moisture_pct",
    "chip_thickness_mm",
    "load_kg_per_m2",
    "planned_hours",
    "turns_planned",
    "irradiance_kwh_m2_fc",
    "ambient_temp_c_fc",
    "rel_humidity_pct_fc",
    "wind_ms_fc",
    "days_since_harvest",
]
TARGET = "final_moisture_pct"

tf.random.set_seed(42)
rng = np.random.default_rng(42)

runs = pd.read_csv("field_logs/solar_dryer_runs.csv")
runs = runs.dropna(subset=NUMERIC + [TARGET])
runs = runs[runs["fresh_moisture_pct"].between(45, 75)]

dryer = pd.Categorical(runs["dryer_type"], categories=DRYER_TYPES)
onehot = pd.get_dummies(dryer, prefix="dryer").astype("float32").to_numpy()
X_all = np.hstack([runs[NUMERIC].to_numpy("float32"), onehot])
y_all = runs[TARGET].to_numpy("float32")

idx = rng.permutation(len(X_all))
n_test = int(0.2 * len(idx))
test_idx, train_idx = idx[:n_test], idx[n_test:]
X_train, y_train = X_all[train_idx], y_all[train_idx]
X_test, y_test = X_all[test_idx], y_all[test_idx]

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(X_train)


def build_model(norm):
    inputs = keras.Input(shape=(X_all.shape[1],))
    x = norm(inputs)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.15)(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss=keras.losses.Huber(delta=1.5),
        metrics=[keras.metrics.MeanAbsoluteError(name="mae")],
    )
    return model


model = build_model(normalizer)
history = model.fit(X_train, y_train, epochs=120, batch_size=32, verbose=0)
print(f"final train MAE: {history.history['mae'][-1]:.2f} pts")

pred = model.predict(X_test, verbose=0).ravel()
mae = np.mean(np.abs(pred - y_test))
print(f"Test MAE: {mae:.2f} moisture points")

limit = 12.0
hit = np.mean((pred <= limit) == (y_test <= limit))
print(f"Agreement on pass/fail at {limit}%: {hit:.1%}")

by_dryer = pd.DataFrame({
    "dryer": runs["dryer_type"].to_numpy()[test_idx],
    "abs_err": np.abs(pred - y_test),
})
print(by_dryer.groupby("dryer")["abs_err"].agg(["mean", "count"]).round(2))

model.save("cassava_moisture.keras")
