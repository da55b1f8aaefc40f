# label: leakage/none
# twin: sel_r13b_crop_disease_keras_checkpoint__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Crop disease images: classify cassava leaf photos into disease classes.

Several photos can come from the same plant, so plants are kept on one side.
"""
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit
from tensorflow import keras

IMG = 160
meta = pd.read_csv("data/leaf_images.csv")  # columns: path, plant_id, label
classes = sorted(meta["label"].unique())
meta["y"] = meta["label"].map({c: i for i, c in enumerate(classes)})


def group_split(frame, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(frame, groups=frame["plant_id"]))
    return frame.iloc[a], frame.iloc[b]


def load_images(paths):
    return np.stack([
        keras.utils.img_to_array(keras.utils.load_img(p, target_size=(IMG, IMG)))
        for p in paths
    ])


def build_model(n_classes):
    base = keras.applications.MobileNetV2(
        input_shape=(IMG, IMG, 3), include_top=False, weights="imagenet"
    )
    base.trainable = False
    inputs = keras.Input(shape=(IMG, IMG, 3))
    x = keras.layers.Rescaling(1.0 / 127.5, offset=-1.0)(inputs)
    x = keras.layers.RandomFlip("horizontal")(x)
    x = base(x, training=False)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.3)(x)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


train_meta, test_meta = group_split(meta, 0.2, seed=11)
fit_meta, val_meta = group_split(train_meta, 0.15, seed=12)  # validation plants come from training
X_fit, y_fit = load_images(fit_meta["path"]), fit_meta["y"].to_numpy()
X_val, y_val = load_images(val_meta["path"]), val_meta["y"].to_numpy()
X_test, y_test = load_images(test_meta["path"]), test_meta["y"].to_numpy()

model = build_model(len(classes))
callbacks = [
    keras.callbacks.ModelCheckpoint("best_leaf.keras", monitor="val_accuracy", save_best_only=True),
    keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=6),
]
model.fit(X_fit, y_fit, validation_data=(X_val, y_val),
          epochs=40, batch_size=32, callbacks=callbacks)

best = keras.models.load_model("best_leaf.keras")
_, test_acc = best.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy of best checkpoint: {test_acc:.3f}")
