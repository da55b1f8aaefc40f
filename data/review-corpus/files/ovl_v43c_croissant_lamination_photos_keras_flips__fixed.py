# label: leakage/none
"""Cross-section photos from the croissant line's QC station, graded by the head baker
into lamination classes. Small CNN to pre-sort photos before manual review."""
from pathlib import Path

import numpy as np
from PIL import Image
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

PHOTO_ROOT = Path("qc_station/cross_sections")
CLASSES = ["open_honeycomb", "tight_crumb", "butter_pooling", "collapsed"]
IMG = 128


def load_photos(root):
    images, labels = [], []
    for idx, cls in enumerate(CLASSES):
        for path in sorted((root / cls).glob("*.jpg")):
            img = Image.open(path).convert("RGB").resize((IMG, IMG), Image.BILINEAR)
            images.append(np.asarray(img, dtype=np.uint8))
            labels.append(idx)
    return np.stack(images), np.array(labels)


def with_flips(x, y):
    # cross-sections have no preferred orientation on the cutting board
    x_aug = np.concatenate([x, x[:, :, ::-1], x[:, ::-1, :], np.rot90(x, k=2, axes=(1, 2))])
    y_aug = np.concatenate([y, y, y, y])
    return x_aug, y_aug


def build_cnn(n_classes):
    model = keras.Sequential([
        keras.Input(shape=(IMG, IMG, 3)),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(128, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(128, 3, padding="same", activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dropout(0.3),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


images, labels = load_photos(PHOTO_ROOT)
print("photos per class:", np.bincount(labels, minlength=len(CLASSES)))

x_train, x_test, y_train, y_test = train_test_split(
    images, labels, test_size=0.2, stratify=labels, random_state=17
)
x_train, y_train = with_flips(x_train, y_train)

keras.utils.set_random_seed(17)
cnn = build_cnn(len(CLASSES))
cnn.fit(x_train, y_train, epochs=30, batch_size=32, shuffle=True, verbose=2)

probs = cnn.predict(x_test, batch_size=64)
pred = probs.argmax(axis=1)
print(classification_report(y_test, pred, target_names=CLASSES, digits=3))
print(confusion_matrix(y_test, pred))
cnn.save("lamination_cnn.keras")
