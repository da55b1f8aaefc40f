# label: leakage/none
"""Taxon classifier for imaging flow cytometer frames from coastal water samples."""
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report
from sklearn.model_selection import GroupShuffleSplit
from tensorflow import keras
from tensorflow.keras import layers

DATA_DIR = Path("data/ifcb")
IMG_SIZE = 96
BATCH = 64
EPOCHS = 25
MIN_FRAMES_PER_TAXON = 150


def load_index():
    frames = pd.read_csv(DATA_DIR / "frames.csv")            # frame_id, sample_id, roi_file, taxon
    samples = pd.read_csv(DATA_DIR / "samples.csv")          # sample_id, station, cruise, collected_at
    frames = frames.merge(samples, on="sample_id", how="inner")
    counts = frames["taxon"].value_counts()
    keep = counts[counts >= MIN_FRAMES_PER_TAXON].index
    frames = frames[frames["taxon"].isin(keep)].reset_index(drop=True)
    frames["path"] = frames["roi_file"].map(lambda f: str(DATA_DIR / "rois" / f))
    return frames


def decode(path, label):
    img = tf.io.decode_png(tf.io.read_file(path), channels=1)
    img = tf.image.resize_with_pad(img, IMG_SIZE, IMG_SIZE)
    return tf.cast(img, tf.float32) / 255.0, label


def make_ds(paths, labels, training):
    ds = tf.data.Dataset.from_tensor_slices((paths, labels))
    if training:
        ds = ds.shuffle(len(paths), seed=1)
    ds = ds.map(decode, num_parallel_calls=tf.data.AUTOTUNE)
    if training:
        ds = ds.map(lambda x, y: (tf.image.random_flip_left_right(tf.image.rot90(
            x, k=tf.random.uniform([], 0, 4, dtype=tf.int32))), y))
    return ds.batch(BATCH).prefetch(tf.data.AUTOTUNE)


def build_model(n_classes):
    inputs = keras.Input((IMG_SIZE, IMG_SIZE, 1))
    x = inputs
    for filters in (32, 64, 128):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


frames = load_index()
taxa = sorted(frames["taxon"].unique())
frames["label"] = frames["taxon"].map({t: i for i, t in enumerate(taxa)})
print(f"{len(frames)} frames, {frames['sample_id'].nunique()} samples, {len(taxa)} taxa")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
train_pos, test_pos = next(splitter.split(frames, frames["label"], groups=frames["sample_id"]))
train_df, test_df = frames.iloc[train_pos], frames.iloc[test_pos]

train_ds = make_ds(train_df["path"].to_numpy(), train_df["label"].to_numpy(), training=True)
test_ds = make_ds(test_df["path"].to_numpy(), test_df["label"].to_numpy(), training=False)

model = build_model(len(taxa))
model.fit(train_ds, epochs=EPOCHS, verbose=2)

probs = model.predict(test_ds)
pred = np.argmax(probs, axis=1)
print(classification_report(test_df["label"], pred, labels=list(range(len(taxa))),
                            target_names=taxa, digits=3, zero_division=0))
model.save("plankton_cnn.keras")
