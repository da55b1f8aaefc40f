# label: leakage/none
# twin: ovl_numpy_augment__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

images = np.load("leaf_images.npy").astype("float32") / 255.0   # (n, 96, 96, 3)
labels = np.load("leaf_labels.npy")

x_train, x_test, y_train, y_test = train_test_split(images, labels, test_size=0.2, random_state=0)

# the data set is small: add mirrored and rotated copies of every training image
flipped = x_train[:, :, ::-1, :]
rotated = np.rot90(x_train, k=1, axes=(1, 2))
x_train = np.concatenate([x_train, flipped, rotated])
y_train = np.concatenate([y_train, y_train, y_train])

model = keras.Sequential([
    keras.Input(shape=(96, 96, 3)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(int(labels.max()) + 1, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=15, batch_size=32)
print(model.evaluate(x_test, y_test, return_dict=True))
