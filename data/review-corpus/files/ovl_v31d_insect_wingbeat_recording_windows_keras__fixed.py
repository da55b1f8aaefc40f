# label: leakage/none
"""Mosquito species from wingbeat audio (lab flight-tone recordings).

Each WAV is a free-flight recording from a single cage session; recordings are
cut into 1 s frames and converted to log-mel patches for a small CNN.
"""
import os

import librosa
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report
from sklearn.model_selection import GroupShuffleSplit

SR = 8000
WIN = SR          # 1 s
HOP = SR // 2     # 0.5 s
N_MELS = 64

meta = pd.read_csv("wingbeats/recordings.csv")  # file, species, session_id, temp_c
species = sorted(meta["species"].unique())
label_of = {s: i for i, s in enumerate(species)}


def frames_from_file(path):
    wav, _ = librosa.load(path, sr=SR, mono=True)
    wav = librosa.effects.preemphasis(wav)
    out = []
    for start in range(0, len(wav) - WIN + 1, HOP):
        seg = wav[start:start + WIN]
        mel = librosa.feature.melspectrogram(y=seg, sr=SR, n_fft=512, hop_length=128,
                                             n_mels=N_MELS, fmin=100, fmax=2000)
        logmel = librosa.power_to_db(mel, ref=np.max)
        logmel = (logmel - logmel.mean()) / (logmel.std() + 1e-6)
        out.append(logmel.astype(np.float32))
    return out


patches, labels, sessions = [], [], []
for row in meta.itertuples():
    for p in frames_from_file(os.path.join("wingbeats/audio", row.file)):
        patches.append(p)
        labels.append(label_of[row.species])
        sessions.append(row.session_id)

X = np.stack(patches)[..., None]
y = np.array(labels)
groups = np.array(sessions)
print(X.shape, np.bincount(y))

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
tr_idx, te_idx = next(gss.split(X, y, groups=groups))
X_tr, X_te, y_tr, y_te = X[tr_idx], X[te_idx], y[tr_idx], y[te_idx]


def build_cnn(input_shape, n_classes):
    inp = tf.keras.Input(shape=input_shape)
    x = inp
    for filters in (32, 64, 128):
        x = tf.keras.layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.MaxPooling2D(2)(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inp, out)


model = build_cnn(X.shape[1:], len(species))
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_tr, y_tr, epochs=30, batch_size=64, shuffle=True, verbose=2)

pred = model.predict(X_te, batch_size=256).argmax(axis=1)
print(classification_report(y_te, pred, target_names=species, digits=3))
model.save("models/wingbeat_cnn.keras")
