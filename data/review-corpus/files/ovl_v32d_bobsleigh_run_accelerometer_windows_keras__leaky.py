# label: leakage/overlap
"""Wall-contact detection from the sled-mounted IMU on training runs.
Each run is a 200 Hz recording with annotated contact intervals."""
import glob
import os

import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

RUN_DIR = "data/imu_runs"
LABELS = "data/contact_annotations.csv"
CHANNELS = ["ax", "ay", "az", "gx", "gy", "gz", "steer_l", "steer_r"]
WIN = 200
STEP = 20
SEED = 5

tf.keras.utils.set_random_seed(SEED)


def read_run(path, contacts):
    run_id = os.path.basename(path).replace(".parquet", "")
    sig = pd.read_parquet(path)
    sig["contact"] = 0
    for _, c in contacts[contacts["run_id"] == run_id].iterrows():
        mask = (sig["t"] >= c["start_s"]) & (sig["t"] <= c["end_s"])
        sig.loc[mask, "contact"] = 1
    return run_id, sig


def windows(sig):
    values = sig[CHANNELS].to_numpy(np.float32)
    contact = sig["contact"].to_numpy()
    xs, ys = [], []
    for start in range(0, len(sig) - WIN + 1, STEP):
        xs.append(values[start:start + WIN])
        ys.append(int(contact[start:start + WIN].max()))
    return np.stack(xs), np.array(ys)


def build_model(n_channels):
    inp = keras.Input(shape=(WIN, n_channels))
    x = keras.layers.Normalization(axis=-1)(inp)
    for filters in (32, 64, 64):
        x = keras.layers.Conv1D(filters, 7, padding="same", activation="relu")(x)
        x = keras.layers.MaxPooling1D(2)(x)
    x = keras.layers.GlobalAveragePooling1D()(x)
    x = keras.layers.Dropout(0.3)(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


contacts = pd.read_csv(LABELS)
runs = dict(read_run(p, contacts) for p in sorted(glob.glob(f"{RUN_DIR}/*.parquet")))
print(f"{len(runs)} runs loaded")

X_parts, y_parts = [], []
for run_id, sig in runs.items():
    xw, yw = windows(sig)
    X_parts.append(xw)
    y_parts.append(yw)
X = np.concatenate(X_parts)
y = np.concatenate(y_parts)
print("windows:", X.shape, "contact share:", y.mean().round(3))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)

model = build_model(len(CHANNELS))
model.layers[1].adapt(X_train)
pos_weight = (len(y_train) - y_train.sum()) / max(y_train.sum(), 1)
model.fit(X_train, y_train, epochs=25, batch_size=128,
          class_weight={0: 1.0, 1: float(pos_weight)}, verbose=2)

p = model.predict(X_test, batch_size=512).ravel()
print("test AUC:", round(roc_auc_score(y_test, p), 4))
print(classification_report(y_test, (p >= 0.5).astype(int), digits=3))
model.save("models/bob_contact_cnn.keras")
