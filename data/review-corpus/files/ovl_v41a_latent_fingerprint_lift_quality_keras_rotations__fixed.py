# label: leakage/none
# Grade lifted latent fingerprints (powder + tape lifts) as no-value / limited / of-value
# for the comparison queue. Grayscale scans from the bureau's capture station.
import numpy as np
import pandas as pd
from PIL import Image
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, confusion_matrix

IMG_SIZE = 160
GRADES = ["no_value", "limited", "of_value"]


def load_lifts(index_csv):
    meta = pd.read_csv(index_csv)
    meta = meta[meta["grade"].isin(GRADES)].reset_index(drop=True)
    images = np.stack([
        np.asarray(Image.open(p).convert("L").resize((IMG_SIZE, IMG_SIZE)), dtype=np.float32) / 255.0
        for p in meta["scan_path"]
    ])[..., None]
    labels = meta["grade"].map({g: i for i, g in enumerate(GRADES)}).to_numpy()
    return images, labels


def add_orientations(images, labels):
    # lifts are taped onto cards at arbitrary angles
    views = [images, np.rot90(images, 1, axes=(1, 2)), np.rot90(images, 2, axes=(1, 2)),
             np.rot90(images, 3, axes=(1, 2)), images[:, :, ::-1, :]]
    return np.concatenate(views), np.tile(labels, len(views))


def build_cnn(n_classes):
    model = keras.Sequential([
        keras.Input(shape=(IMG_SIZE, IMG_SIZE, 1)),
        layers.Conv2D(32, 3, activation="relu", padding="same"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, activation="relu", padding="same"),
        layers.MaxPooling2D(),
        layers.Conv2D(128, 3, activation="relu", padding="same"),
        layers.MaxPooling2D(),
        layers.Conv2D(128, 3, activation="relu", padding="same"),
        layers.GlobalAveragePooling2D(),
        layers.Dropout(0.3),
        layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


tf.random.set_seed(21)
X, y = load_lifts("lift_scans/index.csv")
print("scans:", X.shape, "grade counts:", np.bincount(y))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=21
)
X_train, y_train = add_orientations(X_train, y_train)

model = build_cnn(len(GRADES))
model.fit(X_train, y_train, epochs=25, batch_size=32, shuffle=True, verbose=2)

pred = model.predict(X_test, batch_size=64).argmax(axis=1)
print(confusion_matrix(y_test, pred))
print(classification_report(y_test, pred, target_names=GRADES, digits=3))
model.save("lift_grader.keras")
