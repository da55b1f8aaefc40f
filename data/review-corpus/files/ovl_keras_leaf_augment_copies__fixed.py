# label: leakage/none
# twin: ovl_keras_leaf_augment_copies__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import keras
import numpy as np
from keras import layers
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)
images = np.load("leaf_images.npy")  # (n, 64, 64, 3) uint8, 1,200 photos
labels = np.load("leaf_labels.npy")
num_classes = int(labels.max()) + 1

data_augmentation = keras.Sequential(
    [layers.RandomFlip("horizontal"), layers.RandomRotation(0.1), layers.RandomZoom(0.1)]
)

x_train, x_test, y_train, y_test = train_test_split(images, labels, test_size=0.2, stratify=labels, random_state=0)

# the data set is small: triple the training part with augmented copies
augmented = [np.asarray(data_augmentation(x_train, training=True)) for _ in range(2)]
x_train = np.concatenate([x_train, *augmented])
y_train = np.concatenate([y_train, y_train, y_train])

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=15)
print("test accuracy", model.evaluate(x_test, y_test, verbose=0)[1])
