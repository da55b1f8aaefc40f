# label: leakage/overlap
# twin: ovl_birdcall_pitch_shift_pool__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import glob
import os

import librosa
import numpy as np
import tensorflow as tf
from sklearn.model_selection import train_test_split

SR = 22050
SPECIES = sorted(os.listdir("recordings"))
SHIFTS = [-2, -1, 1, 2]


def mfcc_vector(signal):
    mfcc = librosa.feature.mfcc(y=signal, sr=SR, n_mfcc=40)
    return np.concatenate([mfcc.mean(axis=1), mfcc.std(axis=1)])


features, labels = [], []
for label, species in enumerate(SPECIES):
    for path in glob.glob(f"recordings/{species}/*.wav"):
        signal, _ = librosa.load(path, sr=SR, duration=5.0)
        features.append(mfcc_vector(signal))
        labels.append(label)
        # few recordings per species: add pitch-shifted versions
        for steps in SHIFTS:
            shifted = librosa.effects.pitch_shift(signal, sr=SR, n_steps=steps)
            features.append(mfcc_vector(shifted))
            labels.append(label)

X = np.stack(features).astype("float32")
y = np.array(labels)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)

tf.keras.utils.set_random_seed(1)
model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(X.shape[1],)),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(256, activation="relu"),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dense(len(SPECIES), activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=60, batch_size=32, verbose=2)
loss, acc = model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy: {acc:.3f}")
