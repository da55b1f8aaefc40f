# label: leakage/overlap
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, confusion_matrix

IMG = 128
CLASSES = ["unripe", "breaking", "ripe", "overripe"]
cfg = {"epochs": 25, "batch": 64, "lr": 1e-3, "seed": 4, "test_size": 0.2}
rng = np.random.default_rng(cfg["seed"])


def load_packhouse_images(path="data/mango_sorting_line.npz"):
    arr = np.load(path)
    images = arr["images"].astype("float32") / 255.0
    labels = arr["ripeness"].astype("int64")
    return images, labels


def augment(images, labels, copies=3):
    out_x, out_y = [images], [labels]
    for _ in range(copies):
        batch = images.copy()
        flip = rng.random(len(batch)) < 0.5
        batch[flip] = batch[flip, :, ::-1, :]
        k = rng.integers(0, 4)
        batch = np.rot90(batch, k=k, axes=(1, 2))
        gain = rng.uniform(0.85, 1.15, size=(len(batch), 1, 1, 1)).astype("float32")
        batch = np.clip(batch * gain, 0.0, 1.0)
        out_x.append(batch)
        out_y.append(labels)
    return np.concatenate(out_x), np.concatenate(out_y)


def build_cnn(n_classes):
    model = keras.Sequential([
        layers.Input((IMG, IMG, 3)),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(128, 3, padding="same", activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dropout(0.3),
        layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(cfg["lr"]),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


X, y = load_packhouse_images()
print("photos:", X.shape, "class counts:", np.bincount(y))

X_aug, y_aug = augment(X, y)
X_train, X_test, y_train, y_test = train_test_split(
    X_aug, y_aug, test_size=cfg["test_size"], stratify=y_aug, random_state=cfg["seed"]
)

tf.random.set_seed(cfg["seed"])
model = build_cnn(len(CLASSES))
history = model.fit(
    X_train, y_train,
    epochs=cfg["epochs"],
    batch_size=cfg["batch"],
    verbose=2,
)

loss, acc = model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy: {acc:.3f}")

pred = model.predict(X_test, batch_size=256).argmax(axis=1)
print(classification_report(y_test, pred, target_names=CLASSES, digits=3))
cm = pd.DataFrame(confusion_matrix(y_test, pred), index=CLASSES, columns=CLASSES)
print(cm)

pd.DataFrame(history.history).to_csv("mango_cnn_history.csv", index=False)
model.save("mango_ripeness.keras")
