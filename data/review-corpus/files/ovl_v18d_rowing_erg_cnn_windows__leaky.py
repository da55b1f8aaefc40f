# label: leakage/overlap
"""Detect 'rushing the slide' on the rowing ergometer from handle / seat / IMU streams.

Coaches annotated every sample of the recorded pieces; the model works on fixed-length windows.
"""
import glob

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

CHANNELS = ["acc_x", "acc_y", "acc_z", "gyro_z", "seat_pos_mm", "handle_force_n"]
SCALE = np.array([16.0, 16.0, 16.0, 500.0, 900.0, 1200.0], dtype=np.float32)
WIN, STRIDE = 256, 64          # 50 Hz: ~5 s windows
RUSH_FRACTION = 0.3
EPOCHS, BATCH = 25, 64


def load_pieces(pattern="data/erg_pieces/*.parquet"):
    frames = [pd.read_parquet(p) for p in sorted(glob.glob(pattern))]
    df = pd.concat(frames, ignore_index=True)
    return df.sort_values(["session_id", "t_ms"]).reset_index(drop=True)


def make_windows(df):
    xs, ys, athletes = [], [], []
    for _, g in df.groupby("session_id", sort=False):
        arr = g[CHANNELS].to_numpy(np.float32) / SCALE
        lab = g["rushing"].to_numpy()
        for start in range(0, len(g) - WIN + 1, STRIDE):
            xs.append(arr[start:start + WIN])
            ys.append(int(lab[start:start + WIN].mean() > RUSH_FRACTION))
            athletes.append(g["athlete_id"].iloc[0])
    return np.stack(xs), np.array(ys), np.array(athletes)


def build_model(n_channels):
    inp = keras.Input(shape=(WIN, n_channels))
    x = inp
    for filters, k in [(32, 9), (64, 7), (64, 5)]:
        x = layers.Conv1D(filters, k, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling1D(2)(x)
    x = layers.GlobalAveragePooling1D()(x)
    x = layers.Dropout(0.3)(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


df = load_pieces()
X, y, athletes = make_windows(df)
print(f"{len(X)} windows from {df['session_id'].nunique()} sessions, "
      f"{len(np.unique(athletes))} athletes, rushing share {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=1)

pos_w = (y_train == 0).sum() / max(y_train.sum(), 1)
model = build_model(len(CHANNELS))
model.fit(X_train, y_train, epochs=EPOCHS, batch_size=BATCH,
          class_weight={0: 1.0, 1: float(pos_w)}, verbose=2)

proba = model.predict(X_test, batch_size=256).ravel()
pred = (proba >= 0.5).astype(int)
print(f"test F1: {f1_score(y_test, pred):.4f}")
print(classification_report(y_test, pred, target_names=["clean", "rushing"], digits=3))
model.save("erg_rushing_cnn.keras")
