# label: leakage/preprocessing
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

tf.random.set_seed(21)

# One row per grow-room batch of oyster mushroom blocks; the target is the
# first-flush harvest in kg per 100 kg of wet substrate.
BATCHES = "grow_room_batches.csv"
TARGET = "flush1_kg_per_100kg"
NUMERIC = [
    "substrate_moisture_pct",
    "straw_share_pct",
    "sawdust_share_pct",
    "bran_supplement_pct",
    "spawn_rate_pct",
    "pasteurise_temp_c",
    "pasteurise_hours",
    "incubation_days",
    "incubation_temp_c",
    "fruiting_rh_pct",
    "fruiting_temp_c",
    "co2_ppm_mean",
    "air_changes_per_h",
    "light_hours",
    "blocks_in_room",
]
STRAINS = ["pleurotus_ostreatus", "pleurotus_pulmonarius", "pleurotus_djamor", "pleurotus_eryngii"]


def load_batches(path):
    df = pd.read_csv(path, parse_dates=["spawned_on"])
    df = df[df["batch_status"] == "harvested"].dropna(subset=NUMERIC + [TARGET])
    df["month_sin"] = np.sin(2 * np.pi * df["spawned_on"].dt.month / 12)
    df["month_cos"] = np.cos(2 * np.pi * df["spawned_on"].dt.month / 12)
    for s in STRAINS:
        df[f"strain_{s}"] = (df["strain"] == s).astype("float32")
    return df


def build_model(normalizer, n_strain):
    num_in = keras.Input(shape=(len(NUMERIC) + 2,), name="numeric")
    strain_in = keras.Input(shape=(n_strain,), name="strain")
    x = normalizer(num_in)
    x = layers.Concatenate()([x, strain_in])
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.15)(x)
    x = layers.Dense(32, activation="relu")(x)
    out = layers.Dense(1)(x)
    model = keras.Model([num_in, strain_in], out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


df = load_batches(BATCHES)
num_cols = NUMERIC + ["month_sin", "month_cos"]
strain_cols = [f"strain_{s}" for s in STRAINS]
X_num = df[num_cols].to_numpy("float32")
X_strain = df[strain_cols].to_numpy("float32")
y = df[TARGET].to_numpy("float32")

(Xn_train, Xn_test, Xs_train, Xs_test, y_train, y_test) = train_test_split(
    X_num, X_strain, y, test_size=0.2, random_state=21
)

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(X_num)

model = build_model(normalizer, len(strain_cols))
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=25, restore_best_weights=True)
history = model.fit(
    {"numeric": Xn_train, "strain": Xs_train},
    y_train,
    validation_split=0.15,
    epochs=400,
    batch_size=32,
    callbacks=[stop],
    verbose=0,
)
print(f"stopped after {len(history.history['loss'])} epochs")

pred = model.predict({"numeric": Xn_test, "strain": Xs_test}, verbose=0).ravel()
mae = np.mean(np.abs(pred - y_test))
rmse = np.sqrt(np.mean((pred - y_test) ** 2))
r2 = 1 - np.sum((y_test - pred) ** 2) / np.sum((y_test - y_test.mean()) ** 2)
print(f"test MAE  {mae:.2f} kg/100kg")
print(f"test RMSE {rmse:.2f} kg/100kg")
print(f"test R2   {r2:.3f}")

model.save("oyster_flush1_mlp.keras")
