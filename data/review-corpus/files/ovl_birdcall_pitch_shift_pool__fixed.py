# label: leakage/none
# twin: ovl_birdcall_pitch_shift_pool__leaky.py
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


paths, labels = [], []
for label, species in enumerate(SPECIES):
    for path in glob.glob(f"recordings/{species}/*.wav"):
        paths.append(path)
        labels.append(label)

train_paths, test_paths, train_labels, test_labels = train_test_split(
    paths, labels, test_size=0.2, stratify=labels, random_state=1)


def featurise(paths, labels, augment):
    feats, ys = [], []
    for path, label in zip(paths, labels):
        signal, _ = librosa.load(path, sr=SR, duration=5.0)
        feats.append(mfcc_vector(signal))
        ys.append(label)
        # few recordings per species: add pitch-shifted versions (training clips only)
        for steps in SHIFTS if augment else []:
            shifted = librosa.effects.pitch_shift(signal, sr=SR, n_steps=steps)
            feats.append(mfcc_vector(shifted))
            ys.append(label)
    return np.stack(feats).astype("float32"), np.array(ys)


X_train, y_train = featurise(train_paths, train_labels, augment=True)
X_test, y_test = featurise(test_paths, test_labels, augment=False)

tf.keras.utils.set_random_seed(1)
model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(X_train.shape[1],)),
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
