# label: leakage/none
# Family-level identification of seashells from the museum's mollusc collection.
# Each catalogued specimen was photographed from several views (apertural,
# dorsal, lateral, apical) on the copy stand.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import classification_report
from sklearn.model_selection import GroupShuffleSplit

IMG_SIZE = (224, 224)
BATCH = 32
EPOCHS = 12

manifest = pd.read_csv("mollusca/photo_manifest.csv")
manifest = manifest[manifest["quality_ok"] == 1]
manifest["path"] = "mollusca/images/" + manifest["filename"]

families = sorted(manifest["family"].unique())
family_to_idx = {f: i for i, f in enumerate(families)}
manifest["label"] = manifest["family"].map(family_to_idx)
print(len(manifest), "photos of", manifest["catalogue_no"].nunique(), "specimens,", len(families), "families")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
train_idx, test_idx = next(splitter.split(manifest, manifest["label"], groups=manifest["catalogue_no"]))
train_df, test_df = manifest.iloc[train_idx], manifest.iloc[test_idx]


def load_image(path, label):
    img = tf.io.read_file(path)
    img = tf.image.decode_jpeg(img, channels=3)
    img = tf.image.resize(img, IMG_SIZE)
    return img, label


def make_ds(df, shuffle):
    ds = tf.data.Dataset.from_tensor_slices((df["path"].values, df["label"].values))
    if shuffle:
        ds = ds.shuffle(len(df), seed=21)
    return ds.map(load_image, num_parallel_calls=tf.data.AUTOTUNE).batch(BATCH).prefetch(tf.data.AUTOTUNE)


train_ds = make_ds(train_df, shuffle=True)
test_ds = make_ds(test_df, shuffle=False)

augment = keras.Sequential(
    [
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(0.08),
        keras.layers.RandomContrast(0.15),
    ]
)
backbone = keras.applications.EfficientNetB0(include_top=False, weights="imagenet", input_shape=IMG_SIZE + (3,))
backbone.trainable = False

inputs = keras.Input(shape=IMG_SIZE + (3,))
x = augment(inputs)
x = backbone(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.3)(x)
outputs = keras.layers.Dense(len(families), activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(train_ds, epochs=EPOCHS)

probs = model.predict(test_ds)
pred = probs.argmax(axis=1)
y_test = test_df["label"].values
print(f"test accuracy: {np.mean(pred == y_test):.4f}")
top3 = np.argsort(probs, axis=1)[:, -3:]
print(f"test top-3 accuracy: {np.mean([y in t for y, t in zip(y_test, top3)]):.4f}")
print(classification_report(y_test, pred, labels=range(len(families)), target_names=families, zero_division=0))
model.save("models/shell_family_effnet.keras")
