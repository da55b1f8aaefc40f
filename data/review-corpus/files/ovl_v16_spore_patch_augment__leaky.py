# label: leakage/overlap
# twin: ovl_v16_spore_patch_augment__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import tensorflow as tf
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

CFG = {
    "images": "data/spore_patches.npy",
    "labels": "data/spore_labels.npy",
    "n_classes": 6,
    "epochs": 25,
    "batch": 64,
    "seed": 7,
}


def load(cfg):
    images = np.load(cfg["images"]).astype("float32") / 255.0
    labels = np.load(cfg["labels"]).astype("int64")
    if images.ndim == 3:
        images = images[..., None]
    return images, labels


def augment(images, labels):
    flipped_h = images[:, :, ::-1, :]
    flipped_v = images[:, ::-1, :, :]
    rotated = np.rot90(images, k=1, axes=(1, 2))
    x = np.concatenate([images, flipped_h, flipped_v, rotated])
    y = np.concatenate([labels] * 4)
    return x, y


def build_cnn(input_shape, n_classes):
    model = keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(32, 3, activation="relu", padding="same"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, activation="relu", padding="same"),
        layers.MaxPooling2D(),
        layers.Conv2D(96, 3, activation="relu", padding="same"),
        layers.GlobalAveragePooling2D(),
        layers.Dropout(0.3),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def main():
    tf.random.set_seed(CFG["seed"])
    images, labels = load(CFG)
    x_all, y_all = augment(images, labels)
    x_tr, x_te, y_tr, y_te = train_test_split(
        x_all, y_all, test_size=0.2, stratify=y_all, random_state=CFG["seed"]
    )
    model = build_cnn(x_tr.shape[1:], CFG["n_classes"])
    model.fit(x_tr, y_tr, epochs=CFG["epochs"], batch_size=CFG["batch"], shuffle=True, verbose=2)
    loss, acc = model.evaluate(x_te, y_te, verbose=0)
    print(f"test accuracy: {acc:.3f}")
    pred = model.predict(x_te, verbose=0).argmax(axis=1)
    print(confusion_matrix(y_te, pred))


if __name__ == "__main__":
    main()
