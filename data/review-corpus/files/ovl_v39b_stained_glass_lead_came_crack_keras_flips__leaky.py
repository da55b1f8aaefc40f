# label: leakage/overlap
"""Crack detection in lead came of stained-glass panels.

Close-up photographs taken during a church window condition survey, one per
panel; each photo is labelled by the conservator as cracked / sound.
"""
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from PIL import Image
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, roc_auc_score

IMG_SIZE = 160
PHOTO_DIR = Path("survey_photos")


def load_images(index):
    arrays = []
    for fname in index["file"]:
        img = Image.open(PHOTO_DIR / fname).convert("RGB").resize((IMG_SIZE, IMG_SIZE))
        arrays.append(np.asarray(img, dtype=np.float32) / 255.0)
    return np.stack(arrays)


def add_flipped(images, labels):
    """Stack mirrored and rotated versions onto the originals."""
    variants = [images, images[:, :, ::-1], images[:, ::-1, :], np.rot90(images, k=1, axes=(1, 2))]
    return np.concatenate(variants), np.concatenate([labels] * len(variants))


def build_model():
    model = tf.keras.Sequential([
        tf.keras.layers.Input((IMG_SIZE, IMG_SIZE, 3)),
        tf.keras.layers.Conv2D(32, 3, activation="relu", padding="same"),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Conv2D(64, 3, activation="relu", padding="same"),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Conv2D(128, 3, activation="relu", padding="same"),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Conv2D(128, 3, activation="relu", padding="same"),
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dropout(0.3),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
                  loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc")])
    return model


def main():
    index = pd.read_csv("came_survey_labels.csv")
    index = index[index["label"].isin(["cracked", "sound"])]
    images = load_images(index)
    labels = (index["label"] == "cracked").to_numpy(dtype=np.float32)

    images, labels = add_flipped(images, labels)
    X_train, X_test, y_train, y_test = train_test_split(
        images, labels, test_size=0.2, stratify=labels, random_state=5)

    model = build_model()
    model.fit(X_train, y_train, epochs=25, batch_size=32, shuffle=True, verbose=2)

    proba = model.predict(X_test, batch_size=64).ravel()
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int),
                                target_names=["sound", "cracked"]))
    model.save("came_crack_cnn.keras")


if __name__ == "__main__":
    main()
